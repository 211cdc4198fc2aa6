# depbox Python loader: runs inside the sandbox as
#   python3 -S -B /depbox/pyrun.pyc depbox:run <phase> <dependency> <linger ms> <modules> <pth files>
# (modules and .pth files comma-separated). It loads the hook, sets up
# sys.path as the Lambda Python runtime does, then, for the startup phase,
# runs the distribution's .pth files the way site does, or, for the import
# phase, imports each of its top-level modules; it reports on fd 3.
import sys
import importlib.util as _ilu

_spec = _ilu.spec_from_file_location('depbox_pyhook', '/depbox/pyhook.pyc')
_hook = _ilu.module_from_spec(_spec)
sys.modules['depbox_pyhook'] = _hook
_spec.loader.exec_module(_hook)

import json
import os
import time

_dumps = json.dumps   # captured before any distribution runs (one may patch it)

_, _marker, phase, dep, linger, modules, pth = sys.argv[:7]
cfg = json.load(open('/depbox/py-config.json'))
sys.path[0:0] = cfg['sys_path']
reported = False


def report(status, error=''):
    global reported
    if reported:
        return
    reported = True
    try:
        os.write(3, (_dumps({'status': status, 'error': error}) + '\n').encode())
        os.close(3)
    except OSError:
        pass


def code_of(e):
    return (type(e).__name__ + ': ' + str(e))[:120]


if dep == '-':
    # The reference: what every process does — a failed import (sys.path
    # probing) and a name lookup (the resolver's files) — is subtracted.
    try:
        import depbox_reference_probe  # noqa: F401
    except ImportError:
        pass
    import socket
    try:
        socket.getaddrinfo('localhost', None)
    except OSError:
        pass
    report('ok')
elif phase == 'startup':
    import site
    known = set(sys.path)
    failed = ''
    for f in [x for x in pth.split(',') if x]:
        full = os.path.join(cfg['task_root'], f)
        _hook.set_context(dep)
        try:
            site.addpackage(os.path.dirname(full), os.path.basename(full), known)
        except Exception as e:
            failed = code_of(e)
        finally:
            _hook.set_context(None)
    report('error' if failed else 'ok', failed)
else:
    mods = [m for m in modules.split(',') if m]
    if not mods:
        report('no-entry')
    failed = ''
    for m in mods:
        try:
            __import__(m)
        except BaseException as e:
            if isinstance(e, KeyboardInterrupt):
                raise
            failed = failed or code_of(e)
    report('error' if failed else 'ok', failed)

time.sleep(int(linger) / 1000)
# Exit handlers run (a payload may wait for them); threads left running do not
# hold the process.
import atexit
atexit._run_exitfuncs()
sys.stdout.flush()
os._exit(0)
