# depbox Python batch loader: imports many distributions, one after the
# other, in one python process inside the sandbox, so that a scan starts a
# few python processes instead of one per distribution. It runs as
#   python3 -S -B /depbox/pybatch.pyc depbox:run import <batch id>
# The runner hands it the distributions on fd 4 (JSON: {linger_ms, items:
# [{dep, dir, name, token}]}, name: the top-level modules, comma-separated)
# and reads its status lines on fd 3, as for the Node.js batch loader
# (internal/scan/batch.js; the runner is the same).
#
# Each distribution's import is a window framed by two hook records in the
# ordered event stream, Kind "batch", Op "start" and "end" (Detail: i, dep,
# t — the runner's token for the window), so that the profiler gives
# everything between them to that distribution. The loader ends a window
# when the distribution's threads are done (or the linger ran out) and
# gives up on a window it cannot vouch for — it says why in the end record
# and status line, and the process ends: the runner then imports that
# distribution again alone, with pyrun.py, and goes on with the rest in a
# fresh process. Between windows it restores the environment, the working
# directory, the umask, sys.path, sys.argv and the standard streams;
# sys.modules keeps what the windows added (the module cache that makes
# the next window cheap). A distribution's import itself follows pyrun.py:
# __import__ of each top-level module, "no-entry" when there is none. Keep
# the two in step.
import sys
import importlib.util as _ilu

_spec = _ilu.spec_from_file_location('depbox_pyhook', '/depbox/pyhook.pyc')
_hook = _ilu.module_from_spec(_spec)
sys.modules['depbox_pyhook'] = _hook
_spec.loader.exec_module(_hook)

import atexit
import base64
# logging and multiprocessing register exit handlers when first imported:
# imported here, they do not make the first window that imports them look
# as if the distribution had registered one.
import logging  # noqa: F401
import multiprocessing.util  # noqa: F401
import builtins
import gc
import importlib
import json
import os
import signal
import threading
import time
from types import FunctionType, ModuleType

# What the loader relies on, captured before any distribution runs.
_exit = os._exit
_write = os.write
_monotonic = time.monotonic
_sleep = time.sleep
_frames = sys._current_frames
_ncallbacks = atexit._ncallbacks
_chdir = os.chdir
_umask = os.umask
_putenv, _unsetenv = os.putenv, os.unsetenv
_hooked = hasattr(_hook, 'record')
_dumps = json.dumps

_, _marker, phase, tag = sys.argv[:4]
cfg = json.load(open('/depbox/py-config.json'))
sys.path[0:0] = cfg['sys_path']
TASK_ROOT = (cfg.get('task_root') or '/var/task').rstrip('/') + '/'
OWNERS = cfg.get('owners') or {}


def _read_input():
    chunks = []
    while True:
        b = os.read(4, 1 << 20)
        if not b:
            break
        chunks.append(b)
    os.close(4)
    return json.loads(b''.join(chunks))


inp = _read_input()
linger = (int(inp.get('linger_ms') or 0)) / 1000


def status(o):
    try:
        _write(3, (_dumps(o) + '\n').encode())
    except OSError:
        pass      # the runner is gone


def frame(op, detail):
    """A framing record in the event stream: through the hook (signed, and
    a new deduplication window) when it is loaded, else as the same marker
    open the hook would make."""
    if _hooked:
        if op == 'start':
            _hook.new_window()
        _hook.record('batch', op, detail)
        return
    raw = _dumps({'k': 'batch', 'o': op, 'd': detail}, separators=(',', ':')).encode()
    enc = base64.urlsafe_b64encode(raw).rstrip(b'=').decode('ascii')
    try:
        os.close(os.open('/__depbox__/' + '/'.join(enc[i:i + 200] for i in range(0, len(enc), 200)), os.O_RDONLY))
    except OSError:
        pass      # ENOENT: delivered


def code_of(e):
    return (type(e).__name__ + ': ' + str(e))[:120]


def owner(fn):
    """The install path of the distribution that installed file fn (as the
    hook names it), None outside any."""
    if not isinstance(fn, str) or not fn.startswith(TASK_ROOT):
        return None
    p = fn[len(TASK_ROOT):]
    while p:
        o = OWNERS.get(p)
        if o:
            return o
        p = p.rpartition('/')[0]
    return None


def loaded(new):
    """The distributions a window's import used: those of the modules it
    added to sys.modules, and those of the modules, classes and functions
    these modules' globals hold (what it imported from the module cache).
    Only plain dictionaries are read: no code of the distributions runs."""
    out = set()
    mods = sys.modules
    for name in new:
        m = mods.get(name)
        if not issubclass(type(m), ModuleType):
            continue
        d = m.__dict__
        o = owner(d.get('__file__'))
        if o:
            out.add(o)
        for v in list(d.values()):
            t = type(v)
            if issubclass(t, ModuleType):
                o = owner(v.__dict__.get('__file__'))
            elif t is FunctionType or issubclass(t, type):
                mn = v.__dict__.get('__module__') if issubclass(t, type) else v.__module__
                src = mods.get(mn) if isinstance(mn, str) else None
                o = owner(src.__dict__.get('__file__')) if issubclass(type(src), ModuleType) else None
            else:
                continue
            if o:
                out.add(o)
    return sorted(out)


def fingerprint():
    """The import system, the interpreter's hooks and the process's exit
    path, by name: a distribution that changes them changes how every
    later one imports or ends."""
    return {
        'sys.meta_path': list(sys.meta_path),
        'sys.path_hooks': [len(sys.path_hooks), *sys.path_hooks],
        'builtins.__import__': [builtins.__import__],
        'importlib.import_module': [importlib.import_module],
        'sys.settrace': [sys.gettrace(), getattr(threading, '_trace_hook', None)],
        'sys.setprofile': [sys.getprofile(), getattr(threading, '_profile_hook', None)],
        'os._exit': [os._exit], 'sys.exit': [sys.exit],
        'sys.excepthook': [sys.excepthook], 'sys.unraisablehook': [sys.unraisablehook],
        'gc.callbacks': [len(gc.callbacks)],
        'signal handlers': [signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGALRM)],
    }


def changed(a, b):
    """The names whose objects differ, element by element by identity
    (numbers by value): no __eq__ of a distribution's objects runs.

    Finders appended to sys.meta_path after the others do not count (six,
    and the copies of it other distributions vendor, add one for
    six.moves): every earlier finder still answers first, so they change
    no import that resolved before. Their code runs in later windows only
    for names nothing else resolves, and the records it makes there name
    their distribution, which makes such a window ambiguous (the
    profiler's check)."""
    out = []
    for k, x in a.items():
        y = b[k]
        if k == 'sys.meta_path' and len(y) >= len(x):
            y = y[:len(x)]    # finders appended after the others (see below)
        if len(x) != len(y) or not all(u is v or (type(u) is int and type(v) is int and u == v) for u, v in zip(x, y)):
            out.append(k)
    return out


def hook_state():
    return _hook.state() if _hooked else {}


def threads():
    """How many threads run Python code (the main one included)."""
    return len(_frames())


def restore(env, umask, path, argv, streams):
    cur = dict(os.environ._data)
    for k in cur:
        if k not in env:
            os.environ._data.pop(k, None)
            _unsetenv(k)
    for k, v in env.items():
        if cur.get(k) != v:
            os.environ._data[k] = v
            _putenv(k, v)
    _umask(umask)
    sys.path[:] = path
    sys.argv[:] = argv
    sys.stdin, sys.stdout, sys.stderr = streams


def main():
    items = inp['items']
    env = dict(os.environ._data)
    umask = _umask(0o022)
    _umask(umask)
    path = list(sys.path)
    argv = list(sys.argv)
    streams = (sys.stdin, sys.stdout, sys.stderr)
    for i, it in enumerate(items):
        _chdir(it['dir'])
        mods = [m for m in it['name'].split(',') if m]
        before_mods = dict(sys.modules)
        before = fingerprint()
        state = hook_state()
        exits = _ncallbacks()
        why = []
        if any(m in before_mods for m in mods):
            why.append('already-imported')   # an earlier window imported it: its import ran there
        start = _monotonic()
        frame('start', {'i': i, 'dep': it['dep'], 't': it['token']})
        status({'ev': 'start', 'i': i, 't': it['token']})
        st, failed = ('ok', '') if mods else ('no-entry', '')
        for m in mods:
            try:
                __import__(m)
            except BaseException as e:
                if isinstance(e, KeyboardInterrupt):
                    raise
                failed = failed or code_of(e)
        if failed:
            st = 'error'
        # Threads the distribution started may finish within the linger.
        while threads() > 1 and _monotonic() - start < linger:
            _sleep(0.005)
        if threads() > 1:
            why.append('threads')
        if _ncallbacks() != exits:
            why.append('atexit')
        why += ['module-system: ' + k for k in changed(before, fingerprint())]
        gone = [k for k, v in before_mods.items() if sys.modules.get(k) is not v]
        if gone:
            why.append('module-system: sys.modules[%r] replaced' % gone[0][:80])
        after = hook_state()
        if after.get('tampers') != state.get('tampers'):
            why.append('tamper')
        # A changed sys.path does not make the window doubtful (what the
        # distribution did was its own), but the next one starts afresh.
        fresh = len(sys.path) != len(path) or any(type(x) is not str or x != y for x, y in zip(sys.path, path))
        new = [k for k in sys.modules if k not in before_mods]
        got = loaded(new) if not why else []
        ms = (_monotonic() - start) * 1000
        frame('end', {'i': i, 'dep': it['dep'], 't': it['token'], 'status': st, 'isolate': why or None})
        status({'ev': 'end', 'i': i, 't': it['token'], 'status': st, 'error': failed, 'loaded': got,
                'isolate': why, 'late': [], 'ms': ms})
        if why or fresh:
            break     # a fresh process for the rest
        restore(env, umask, path, argv, streams)
    try:
        sys.stdout.flush()
    except Exception:
        pass
    _exit(0)


try:
    main()
except BaseException as e:
    try:
        os.write(2, ('depbox batch loader: ' + code_of(e) + '\n').encode())
    except OSError:
        pass
    _exit(70)
