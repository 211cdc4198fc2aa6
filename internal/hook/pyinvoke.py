# depbox Lambda Python runtime emulation: runs inside the sandbox as
#   python3 -S -B /depbox/pyinvoke.pyc depbox:run invoke (function) /depbox/invoke-config.json
# It loads the hook, sets up sys.path as the Lambda Python runtime does,
# imports the handler's module once and calls the handler with every event
# in turn (warm reuse), with a LambdaContext-shaped context, each call
# bounded by the invocation timeout. Its records are Kind "invoke" (see
# docs/hook.md): init, ready/init-error, start, throw, timeout, end,
# linger, exit.
#
# Outcomes follow the Node.js harness (invoke.js) and the Lambda Python
# runtime (awslambdaric): an exception at import is an init-error; an
# exception in the handler is that invocation's throw and the run goes on;
# SystemExit (or any other BaseException the runtime does not catch) ends
# the process, as it ends Lambda's runtime, with an exit record naming the
# invocation it ended.
#
# Two bounds on every step: SIGALRM inside the process ends an invocation
# at its timeout and lets the run go on; the runner's watchdog
# (plan.Step.Watchdog), armed by the deadline lines this harness writes on
# fd 3, kills the process when code under test never yields (a loop that
# catches the alarm, a long call in C, signals blocked), at --init-timeout
# while the handler's module loads, each invocation's timeout, the linger.
import sys
import importlib.util as _ilu

_spec = _ilu.spec_from_file_location('depbox_pyhook', '/depbox/pyhook.pyc')
_hook = _ilu.module_from_spec(_spec)
sys.modules['depbox_pyhook'] = _hook
_spec.loader.exec_module(_hook)

import copy
import hashlib
import importlib
import json
import os
import signal
import time
import uuid

cfg = json.load(open(sys.argv[-1]))
pycfg = json.load(open('/depbox/py-config.json'))
sys.path[0:0] = pycfg['sys_path']
events = json.load(open(cfg['events']))
record = _hook.record
handler_name = cfg['handler']
timeout_ms = cfg.get('timeout_ms') or 3000
init_timeout_ms = cfg.get('init_timeout_ms') or 10000
seed = cfg.get('seed') or '0'
fname = cfg.get('function_name') or 'depbox-function'
version = cfg.get('function_version') or '$LATEST'
region = cfg.get('region') or 'us-east-1'
account = cfg.get('account_id') or '123456789012'
memory = str(cfg.get('memory_mb') or 128)


class LambdaContext:
    """The shape of awslambdaric's LambdaContext."""

    def __init__(self, request_id, deadline_ms):
        self.aws_request_id = request_id
        self.log_group_name = '/aws/lambda/' + fname
        self.log_stream_name = '2026/01/01/[%s]%s' % (version, hashlib.sha256((seed + fname).encode()).hexdigest()[:32])
        self.function_name = fname
        self.memory_limit_in_mb = memory
        self.function_version = version
        self.invoked_function_arn = 'arn:aws:lambda:%s:%s:function:%s' % (region, account, fname)
        self.client_context = None
        self.identity = None
        self.tenant_id = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))

    def log(self, msg):
        sys.stdout.write(str(msg))


class _Timeout(BaseException):
    pass


_alarmed = [False]


def _alarm(signum, frame):
    _alarmed[0] = True
    raise _Timeout()


def _error(e):
    return (type(e).__name__ + ': ' + str(e))[:200]


# The runner's watchdog reads deadlines from fd 3 (see invoke.js watch());
# GRACE_MS covers the harness's own work. Processes the code under test
# starts do not inherit it.
GRACE_MS = 1500
try:
    os.set_inheritable(3, False)
except OSError:
    pass


def watch(ms, what):
    try:
        os.write(3, (json.dumps({'deadline_ms': ms + GRACE_MS if ms > 0 else 0, 'what': what}) + '\n').encode())
    except OSError:
        pass  # no watchdog


def _ends_process(e):
    """Whether the Lambda Python runtime lets e end its process: it catches
    Exception only."""
    return not isinstance(e, (Exception, _Timeout))


def _exit_code(e):
    if isinstance(e, SystemExit):
        if e.code is None:
            return 0
        return e.code if isinstance(e.code, int) else 1
    return 1


def _end_process(e, during):
    """e ends the process (see _ends_process): recorded against the code
    that raised it, then the harness's exit record, then the exit."""
    code = _exit_code(e)
    _hook.record_raised('exit', type(e).__name__, {'code': str(code)}, e.__traceback__)
    d = {'code': code}
    if during is not None:
        d['during'] = during
    record('invoke', 'exit', d)
    _finish(code)


def _finish(code):
    # Exit handlers run (a payload may wait for them); threads left running
    # do not hold the process.
    import atexit
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except Exception:
        pass
    os._exit(code)


record('invoke', 'init', {'handler': handler_name, 'events': len(events)})
handler = None
mod_name, _, func = handler_name.rpartition('.')
mod_name = mod_name.replace('/', '.')
if not mod_name or not func:
    record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.MalformedHandlerName', 'error': 'Bad handler'})
else:
    watch(init_timeout_ms, 'loading the handler %s (init) took longer than %d ms' % (handler_name, init_timeout_ms))
    try:
        mod = importlib.import_module(mod_name)
        handler = getattr(mod, func, None)
        if handler is None:
            record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.HandlerNotFound', 'error': 'Handler %r missing on module %r' % (func, mod_name)})
        else:
            record('invoke', 'ready', {'handler': handler_name, 'file': getattr(mod, '__file__', '') or '', 'format': 'python'})
    except SyntaxError as e:
        record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.UserCodeSyntaxError', 'error': _error(e)})
    except ImportError as e:
        record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.ImportModuleError',
                                        'error': ('Unable to import module %r: %s' % (mod_name, e))[:200]})
    except BaseException as e:
        if _ends_process(e):
            _end_process(e, None)
        # As awslambdaric reports any other exception at import: its type.
        record('invoke', 'init-error', {'handler': handler_name, 'error_type': type(e).__name__, 'error': str(e)[:200]})

signal.signal(signal.SIGALRM, _alarm)
status = 'ok'
if handler is not None:
    for n, ev in enumerate(events):
        _hook.new_window()
        rid = str(uuid.UUID(bytes=hashlib.sha256(('%s/%d' % (seed, n)).encode()).digest()[:16], version=4))
        name = ev.get('name', '')
        record('invoke', 'start', {'n': n, 'event': name, 'request_id': rid})
        ctx = LambdaContext(rid, time.time() * 1000 + timeout_ms)
        end = {'n': n, 'event': name, 'status': 'ok'}
        watch(timeout_ms, 'invocation %d of %d (%s) did not give control back within its %d ms timeout' % (n + 1, len(events), name, timeout_ms))
        _alarmed[0] = False
        signal.setitimer(signal.ITIMER_REAL, timeout_ms / 1000)
        try:
            result = handler(copy.deepcopy(ev.get('payload')), ctx)
            signal.setitimer(signal.ITIMER_REAL, 0)
            try:
                end['result_bytes'] = len(json.dumps(result))
            except (TypeError, ValueError) as e:
                end.update(status='error', error_type='Runtime.MarshalError', error=_error(e))
        except BaseException as e:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if _ends_process(e):
                _end_process(e, n)
            if not isinstance(e, _Timeout) and not _alarmed[0]:
                record('invoke', 'throw', {'n': n, 'event': name, 'error_type': type(e).__name__, 'error': _error(e)})
                end['status'] = 'throw'
        if _alarmed[0]:
            # Also when the handler caught the alarm and went on: the
            # invocation ran out of time.
            record('invoke', 'timeout', {'n': n, 'event': name, 'timeout_ms': timeout_ms})
            end = {'n': n, 'event': name, 'status': 'timeout'}
        record('invoke', 'end', end)

linger = cfg.get('linger_ms') or 0
record('invoke', 'linger', {'ms': linger})
watch(linger, 'the linger after the last invocation did not end within %d ms' % linger)
time.sleep(linger / 1000)
record('invoke', 'exit', {'code': 0})
_finish(0)
