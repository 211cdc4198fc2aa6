# depbox Lambda Python runtime emulation: runs inside the sandbox as
#   python3 -S -B /depbox/pyinvoke.py depbox:run invoke (function) /depbox/invoke-config.json
# It loads the hook, sets up sys.path as the Lambda Python runtime does,
# imports the handler's module once and calls the handler with every event
# in turn (warm reuse), with a LambdaContext-shaped context, each call
# bounded by the invocation timeout. Its records are Kind "invoke" (see
# docs/hook.md): init, ready/init-error, start, throw, timeout, end,
# linger, exit.
import sys
import importlib.util as _ilu

_spec = _ilu.spec_from_file_location('depbox_pyhook', '/depbox/pyhook.py')
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


def _alarm(signum, frame):
    raise _Timeout()


def _error(e):
    return (type(e).__name__ + ': ' + str(e))[:200]


record('invoke', 'init', {'handler': handler_name, 'events': len(events)})
handler = None
mod_name, _, func = handler_name.rpartition('.')
mod_name = mod_name.replace('/', '.')
if not mod_name or not func:
    record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.MalformedHandlerName', 'error': 'Bad handler'})
else:
    try:
        mod = importlib.import_module(mod_name)
        handler = getattr(mod, func, None)
        if handler is None:
            record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.HandlerNotFound', 'error': 'Handler %r missing on module %r' % (func, mod_name)})
        else:
            record('invoke', 'ready', {'handler': handler_name, 'file': getattr(mod, '__file__', '') or '', 'format': 'python'})
    except SyntaxError as e:
        record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.UserCodeSyntaxError', 'error': _error(e)})
    except BaseException as e:
        record('invoke', 'init-error', {'handler': handler_name, 'error_type': 'Runtime.ImportModuleError', 'error': _error(e)})

signal.signal(signal.SIGALRM, _alarm)
status = 'ok'
if handler is not None:
    for n, ev in enumerate(events):
        _hook.new_window()
        rid = str(uuid.UUID(bytes=hashlib.sha256(('%s/%d' % (seed, n)).encode()).digest()[:16], version=4))
        record('invoke', 'start', {'n': n, 'event': ev.get('name', ''), 'request_id': rid})
        ctx = LambdaContext(rid, time.time() * 1000 + timeout_ms)
        end = {'n': n, 'event': ev.get('name', ''), 'status': 'ok'}
        signal.setitimer(signal.ITIMER_REAL, timeout_ms / 1000)
        try:
            result = handler(copy.deepcopy(ev.get('payload')), ctx)
            signal.setitimer(signal.ITIMER_REAL, 0)
            try:
                end['result_bytes'] = len(json.dumps(result))
            except (TypeError, ValueError) as e:
                end.update(status='error', error_type='Runtime.MarshalError', error=_error(e))
        except _Timeout:
            record('invoke', 'timeout', {'n': n, 'event': ev.get('name', ''), 'timeout_ms': timeout_ms})
            end['status'] = 'timeout'
        except BaseException as e:
            signal.setitimer(signal.ITIMER_REAL, 0)
            record('invoke', 'throw', {'n': n, 'event': ev.get('name', ''), 'error_type': type(e).__name__, 'error': _error(e)})
            end['status'] = 'throw'
        record('invoke', 'end', end)

linger = cfg.get('linger_ms') or 0
record('invoke', 'linger', {'ms': linger})
time.sleep(linger / 1000)
record('invoke', 'exit', {'code': 0})
import atexit
atexit._run_exitfuncs()
sys.stdout.flush()
os._exit(0)
