# depbox Python execute harness: runs inside the sandbox as
#   python3 -S -B /depbox/pyexec.pyc depbox:run execute <dependency> <linger ms> <modules> <call timeout ms> <call args JSON>
# (modules comma-separated). The Python counterpart of execute.js: it
# imports the distribution's top-level modules, then calls their public
# functions, and the public methods of instances of their public classes,
# with generated arguments, each call bounded by a timer (SIGALRM) and the
# whole by a count, so that payloads that only act when called show. Only
# callables the distribution defines are called (not what it re-exports
# from the standard library or other distributions). It reports on fd 3.
import sys
import importlib.util as _ilu

_spec = _ilu.spec_from_file_location('depbox_pyhook', '/depbox/pyhook.pyc')
_hook = _ilu.module_from_spec(_spec)
sys.modules['depbox_pyhook'] = _hook
_spec.loader.exec_module(_hook)

import inspect
import json
import os
import signal
import time

_, _marker, phase, dep, linger, modules, call_timeout, call_args = sys.argv[:8]
cfg = json.load(open('/depbox/py-config.json'))
sys.path[0:0] = cfg['sys_path']
MAX_CALLS = 200
timeout = max(int(call_timeout), 1) / 1000

# The values depbox generates (scan.CallArgs): a name under .invalid, a URL
# on it and a file path; what a distribution does with them is
# caller-directed.
A = {'host': 'depbox-call.invalid', 'url': 'https://depbox-call.invalid/api?q=1', 'file': '/tmp/depbox-call-input.txt'}
try:
    A.update(json.loads(call_args))
except ValueError:
    pass


def arg_sets():
    return [
        (),
        (A['host'],),
        (A['url'], {'method': 'GET'}),
        ({'name': A['host'], 'id': 1, 'items': [1, 2, 3]},),
        (42, A['host'], True),
        (lambda *a, **k: None,),
        (A['file'], 'utf8', lambda *a, **k: None),
    ]


reported = False


def report(status, error=''):
    global reported
    if reported:
        return
    reported = True
    try:
        os.write(3, (json.dumps({'status': status, 'error': error}) + '\n').encode())
        os.close(3)
    except OSError:
        pass


class CallTimeout(BaseException):
    """Raised by the timer in a call that ran too long."""


def _alarm(signum, frame):
    raise CallTimeout()


signal.signal(signal.SIGALRM, _alarm)


def bounded(fn, args):
    """Calls fn(*args) for at most the call timeout; a coroutine it returns
    is run as long, a generator advanced a few steps."""
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        v = fn(*args)
        if inspect.iscoroutine(v):
            import asyncio
            try:
                asyncio.run(v)
            finally:
                v.close()
        elif inspect.isgenerator(v):
            for _i, _x in zip(range(3), v):
                pass
        return v
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def own(obj, tops):
    mod = getattr(obj, '__module__', None) or ''
    return mod.split('.')[0] in tops


def targets(mods, tops):
    out, seen = [], set()
    for m in mods:
        for name in sorted(vars(m)):
            if name.startswith('_'):
                continue
            v = vars(m)[name]
            if id(v) in seen or not callable(v) or not own(v, tops):
                continue
            seen.add(id(v))
            out.append(v)
    return out


def methods(cls):
    for name in sorted(vars(cls)):
        if name.startswith('_'):
            continue
        v = vars(cls)[name]
        if inspect.isfunction(v) or inspect.iscoroutinefunction(v):
            yield name


def exercise(mods, tops):
    calls = 0
    for t in targets(mods, tops):
        for args in arg_sets():
            if calls >= MAX_CALLS:
                return calls
            calls += 1
            try:
                inst = bounded(t, args)
            except BaseException as e:
                if isinstance(e, KeyboardInterrupt):
                    raise
                continue
            if not inspect.isclass(t):
                continue
            for name in methods(t):
                if calls >= MAX_CALLS:
                    return calls
                calls += 1
                try:
                    bounded(getattr(inst, name), args)
                except BaseException as e:
                    if isinstance(e, KeyboardInterrupt):
                        raise
    return calls


mods, failed = [], ''
names = [m for m in modules.split(',') if m]
for m in names:
    try:
        mods.append(__import__(m, fromlist=['_']))
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt):
            raise
        failed = failed or (type(e).__name__ + ': ' + str(e))[:120]
if not names:
    report('no-entry')
elif not mods:
    report('error', failed)
else:
    exercise(mods, {m.split('.')[0] for m in names})
    report('ok')

time.sleep(int(linger) / 1000)
import atexit
atexit._run_exitfuncs()
sys.stdout.flush()
os._exit(0)
