# depbox attribution hook for CPython >= 3.8 (see docs/hook.md, "Python").
#
# Loaded first in every Python process of the sandbox: the runner starts
# Python with -S and imports this file before site runs (so before any .pth
# file of the bundle), and the rootfs's sitecustomize loads it into Python
# processes that packages start.
#
# It installs a PEP 578 audit hook and a recording os.environ and, for
# every event, names the distribution responsible: the innermost frame on
# the stack whose file a distribution installed (by its RECORD), or the
# function's own code. Records leave the process as open() calls of paths
# under /__depbox__/ that cannot exist, in the same encoding and with the
# same record kinds as the Node.js hook, so the profiler reads both alike.
#
# The hook is a refinement, not the ground truth: ctypes calls into libc,
# C extensions and os.environ._data reads bypass it (docs/hook.md says what
# can evade it). Nothing here may break the code under test: every path is
# guarded and errors become "error" records.
import sys

if 'depbox_pyhook_loaded' not in sys.__dict__:
    sys.__dict__['depbox_pyhook_loaded'] = True

    import base64 as _b64
    import json as _json
    import os as _os
    import threading as _threading

    import socket as _socket_mod
    # Loaded when first needed: ssl (and hmac's hashlib) load OpenSSL, the
    # largest part of a hooked process's start; ipaddress and urllib.parse
    # are needed by few processes.
    try:
        from _sha256 import sha256 as _sha256      # CPython <= 3.11
    except ImportError:
        try:
            from _sha2 import sha256 as _sha256    # CPython >= 3.12
        except ImportError:
            _sha256 = None

    _open = _os.open
    _close = _os.close
    _getframe = sys._getframe
    _dumps = _json.dumps
    _b64url = _b64.urlsafe_b64encode
    _b64std = _b64.b64encode
    _tls = _threading.local()
    _lock = _threading.RLock()
    _key = _os.urandom(32)

    if _sha256 is not None:
        _ipad = bytes(b ^ 0x36 for b in _key.ljust(64, b'\0'))
        _opad = bytes(b ^ 0x5c for b in _key.ljust(64, b'\0'))

        def _mac(body):
            """HMAC-SHA256 of body under _key (RFC 2104; the block is 64 bytes)."""
            return _sha256(_opad + _sha256(_ipad + body).digest()).digest()
    else:
        def _mac(body):
            from hmac import digest
            return digest(_key, body, 'sha256')

    MARKER_DIR = '/__depbox__/'
    COMPONENT = 200
    MAX_JSON = 2560
    CHUNK = 1200
    UNKNOWN = '(unknown)'
    HOOK_FILE = (lambda: 0).__code__.co_filename   # the source's path, also when loaded from byte code
    CONFIG = '/depbox/py-config.json'
    EXTRA_CA = '/depbox/extra-ca.pem'   # hook.ExtraCAPath

    def _read_control(path):
        """The content of a control directory file, None when absent (read
        before the audit hook is installed: not recorded)."""
        try:
            fd = _open(path, _os.O_RDONLY)
        except OSError:
            return None
        try:
            chunks = []
            while True:
                b = _os.read(fd, 1 << 20)
                if not b:
                    break
                chunks.append(b)
        finally:
            _close(fd)
        return b''.join(chunks)

    def _load_config():
        try:
            return _json.loads(_read_control(CONFIG) or b'{}')
        except ValueError:
            return {}

    _cfg = _load_config()
    # The fake internet's TLS authority, made for this run: every SSL
    # context the code uses trusts it (_trust_ca), as node's hook makes
    # every secure context trust it; SSL_CERT_FILE would show in the
    # environment.
    _extra_ca = (_read_control(EXTRA_CA) or b'').decode('ascii', 'replace')
    TASK_ROOT = (_cfg.get('task_root') or '/var/task').rstrip('/') + '/'
    OWNERS = _cfg.get('owners') or {}          # bundle-relative path (file or directory) -> install path
    OWNED_ONLY = bool(_cfg.get('owned_only'))  # record only what runs with a bundle file's frame on the stack
    # Directories of tools that run like the harness (a build's setuptools):
    # what they do themselves, with no bundle frame closer, is not recorded.
    RUNTIME = tuple(p.rstrip('/') + '/' for p in (_cfg.get('runtime') or []))
    DATA_BYTES = min(int(_cfg.get('data_bytes') or 4096), 65536)
    HARNESS = tuple(_cfg.get('harness') or ('/depbox/pyrun.py', '/depbox/pyinvoke.py', '/depbox/pybuild.py', '/depbox/pyexec.py', '/depbox/pybatch.py'))
    STDLIB = tuple(p.rstrip('/') + '/' for p in (_cfg.get('stdlib') or [sys.prefix + '/lib/python%d.%d' % sys.version_info[:2]]))

    _ACCESSORS = ('/os.py', '/_collections_abc.py')
    _seq = [0]
    _owner_cache = {}
    _written = {}      # absolute path a distribution wrote -> its install path (code it then runs is its)
    _sent = set()      # dedupe window: reset at each invocation
    _ctx = {'pkg': None}   # set by the harness while a .pth file of a distribution runs
    _state = {'tampers': 0}   # hooks and watched classes changed by code other than the harness

    def _owner(fn):
        """Install path of the distribution that installed file fn, '' for the
        function's own files, None for files outside the bundle."""
        o = _owner_cache.get(fn)
        if o is not None or fn in _owner_cache:
            return o
        o = None
        if fn.startswith(TASK_ROOT):
            rel = fn[len(TASK_ROOT):]
            o = ''
            d, _, base = rel.rpartition('/')
            if d.endswith('__pycache__') and base.endswith('.pyc'):
                src = d[:-len('__pycache__')] + base.split('.', 1)[0] + '.py'
                o = OWNERS.get(src.lstrip('/'), '')
            p = rel
            while not o and p:
                o = OWNERS.get(p, '')
                p = p.rpartition('/')[0]
        elif fn in _written:
            o = _written[fn]
        _owner_cache[fn] = o
        return o

    def _analyze(skip, frame=None):
        """Walk the stack from the caller of the hooked operation (or from
        frame) outwards. Returns (pkg, chain, innermost_is_stdlib,
        importing, harness_direct): importing when the innermost frame is
        the import system's own."""
        try:
            f = frame if frame is not None else _getframe(skip)
        except ValueError:
            return None, [], False, False, False
        chain = []
        innermost = None
        importing = False
        first = True
        outer = False      # a frame outside the standard library seen
        while f is not None:
            fn = f.f_code.co_filename
            if fn == HOOK_FILE:
                f = f.f_back
                continue
            if fn.startswith(HARNESS):
                if first:
                    return None, [], False, importing, True
                break
            if fn.startswith('<frozen importlib'):
                # The import system itself at the innermost frame: it is
                # loading code (a module body it runs has frames of its own).
                importing = importing or first
                f = f.f_back
                continue
            if fn.startswith('<') or (fn.endswith(_ACCESSORS) and fn.startswith(STDLIB)):
                f = f.f_back          # <string> (exec, eval), os.getenv, Mapping.get: the caller counts
                continue
            o = _owner(fn)
            if o is None:
                if first and innermost is None:
                    innermost = 'stdlib' if fn.startswith(STDLIB) else 'other'
                if not outer and not fn.startswith(STDLIB):
                    outer = True
                    if RUNTIME and fn.startswith(RUNTIME):
                        return None, [], False, importing, True   # the build tools' own work
                first = False
                f = f.f_back
                continue
            outer = True
            if innermost is None:
                innermost = 'user'
            first = False
            if not chain or chain[-1] != o:
                chain.append(o)
            f = f.f_back
        chain.reverse()
        pkg = chain[-1] if chain else None
        return pkg, chain, innermost == 'stdlib', importing, False

    def _emit_raw(rec):
        with _lock:
            _emit_locked(rec)

    def _emit_locked(rec):
        _seq[0] += 1
        rec['s'] = _seq[0]
        t = _threading.get_ident()
        if t != _main_ident:
            rec['t'] = t % 1000000
        js = _dumps(rec, separators=(',', ':'), default=str)
        if len(js) > MAX_JSON:
            d = rec.get('d') or {}
            for k, v in list(d.items()):
                if isinstance(v, str) and len(v) > 200:
                    d[k] = v[:200] + '\u2026'
                    d['truncated'] = True
            js = _dumps(rec, separators=(',', ':'), default=str)
            if len(js) > MAX_JSON:
                rec['d'] = {'truncated': True}
                rec.pop('c', None)
                js = _dumps(rec, separators=(',', ':'), default=str)
        body = js.encode('utf-8', 'surrogatepass')
        # The proof (docs/hook.md, "Proof"): in Python the key is within
        # reach of code in the same interpreter, so it only stops forgeries
        # from other processes and from unhooked interpreters.
        _send_marker(body[:-1] + b',"m":"' + _mac(body)[:16].hex().encode('ascii') + b'"}', _os.O_RDONLY)

    def _send_marker(raw, flags):
        enc = _b64url(raw).rstrip(b'=').decode('ascii')
        path = MARKER_DIR + '/'.join(enc[i:i + COMPONENT] for i in range(0, len(enc), COMPONENT))
        try:
            _close(_open(path, flags))
        except OSError:
            pass

    def _record(kind, op, detail, skip=3, data=None, dedupe=None, pkg_override=None, frame=None):
        if getattr(_tls, 'busy', False):
            return
        _tls.busy = True
        try:
            pkg, chain, stdlib_first, importing, harness = _analyze(skip, frame)
            if harness:
                return
            if kind == 'env' and stdlib_first:
                return        # the standard library's own reads (locale, proxies, ...)
            if pkg is None and pkg_override is None and OWNED_ONLY:
                return        # the build tools' own work (a build's process is the distribution's anyway)
            if pkg is None:
                pkg = pkg_override if pkg_override is not None else _ctx['pkg']
                if pkg is None:
                    pkg = UNKNOWN
            if dedupe is not None:
                key = (kind, op, dedupe, pkg)
                if key in _sent:
                    return
                _sent.add(key)
            rec = {'k': kind, 'o': op, 'p': pkg, 'd': detail}
            if chain:
                rec['c'] = chain
            if data:
                data = bytes(data[:DATA_BYTES])
                detail['bytes'] = detail.get('bytes', len(data))
                detail['data_b64'] = _b64std(data[:CHUNK]).decode('ascii')
            with _lock:
                _emit_raw(rec)
                first = rec['s']
                off = CHUNK
                while data and off < len(data):
                    _emit_raw({'k': kind, 'o': 'data', 'p': pkg, 'd': {'of': first, 'off': off, 'data_b64': _b64std(data[off:off + CHUNK]).decode('ascii')}})
                    off += CHUNK
        except Exception as e:     # never break the code under test
            try:
                _emit_raw({'k': 'error', 'o': 'hook', 'p': UNKNOWN, 'd': {'where': kind + '.' + op, 'error': repr(e)[:200]}})
            except Exception:
                pass
        finally:
            _tls.busy = False

    _main_ident = _threading.main_thread().ident

    # The first record announces the key, with flags nothing that runs
    # before the hook opens paths with.
    with _lock:
        _seq[0] += 1
        _send_marker(_dumps({'k': 'key', 'o': 'announce', 's': _seq[0], 'd': {'key': _key.hex(), 'v': 1}},
                            separators=(',', ':')).encode('ascii'),
                     _os.O_RDONLY | _os.O_NOCTTY | _os.O_NOFOLLOW | _os.O_DIRECTORY)

    def _after_fork():
        # A lock another thread held at fork stays held in the child.
        global _lock
        _lock = _threading.RLock()
    _os.register_at_fork(after_in_child=_after_fork)

    def _abspath(p):
        try:
            p = _os.fsdecode(p)
        except Exception:
            return None
        if not p.startswith('/'):
            try:
                p = _os.getcwd() + '/' + p
            except OSError:
                return p
        return _os.path.normpath(p)

    _READ_MODES = ('r', 'rb', 'rt', 'br', 'tr')

    def _on_open(args):
        path, mode, flags = args[0], args[1], args[2]
        if isinstance(path, int) or path is None:
            return
        p = _abspath(path)
        if p is None or p.startswith(MARKER_DIR):
            return
        if mode is not None:
            write = any(c in mode for c in 'wax+')
        else:
            write = bool(flags & (_os.O_WRONLY | _os.O_RDWR | _os.O_CREAT | _os.O_TRUNC | _os.O_APPEND))
        op = 'write' if write else 'read'
        if not write and (p.endswith(('.py', '.pyc', '.so', '.pth')) or '/__pycache__/' in p):
            pkg, _, _, importing, _ = _analyze(3)
            if importing:
                return        # the import system loading code
        if write:
            pkg, *_ = _analyze(3)
            if pkg:
                _written[p] = pkg
        _record('fs', op, {'api': 'open', 'path': p}, skip=4, dedupe=(op, p))

    _FS_OPS = {
        'os.listdir': 'list', 'os.scandir': 'list', 'os.remove': 'delete', 'os.rmdir': 'delete',
        'shutil.rmtree': 'delete', 'os.rename': 'rename', 'os.mkdir': 'mkdir', 'os.chmod': 'chmod',
        'os.chown': 'chown', 'os.symlink': 'symlink', 'os.link': 'link', 'os.truncate': 'truncate',
        'os.utime': 'touch', 'shutil.copyfile': 'copy', 'shutil.move': 'rename',
    }

    def _is_ip(h):
        import ipaddress
        try:
            ipaddress.ip_address(h.split('%', 1)[0])
            return True
        except ValueError:
            return False

    def _addr(a):
        if isinstance(a, tuple) and len(a) >= 2:
            return str(a[0]), a[1]
        if isinstance(a, (str, bytes)):
            return _os.fsdecode(a), None
        return None, None

    _sock_state = {}    # id(socket) -> [host, port, bytes recorded]

    def _on_event(event, args):
        if getattr(_tls, 'busy', False):
            return
        if event == 'open':
            _on_open(args)
        elif event in _FS_OPS:
            if event in ('os.listdir', 'os.scandir') and _analyze(2)[3]:
                return        # the import system's path finders listing directories
            p = _abspath(args[0]) if args and isinstance(args[0], (str, bytes, _os.PathLike)) else None
            if p is None and event in ('os.listdir', 'os.scandir'):
                p = _abspath('.')
            if p:
                d = {'api': event, 'path': p}
                if len(args) > 1 and event in ('os.rename', 'os.symlink', 'os.link', 'shutil.copyfile', 'shutil.move') and isinstance(args[1], (str, bytes, _os.PathLike)):
                    d['dest'] = _abspath(args[1])
                _record('fs', _FS_OPS[event], d, dedupe=(event, p))
        elif event in ('socket.getaddrinfo', 'socket.gethostbyname', 'socket.gethostbyname_ex'):
            host = args[0]
            if isinstance(host, bytes):
                host = host.decode('ascii', 'replace')
            if host and not _is_ip(str(host)):
                _record('dns', 'lookup', {'api': event, 'host': str(host)}, dedupe=('lookup', host))
        elif event == 'socket.gethostbyaddr':
            _record('dns', 'reverse', {'api': event, 'host': str(args[0])}, dedupe=('reverse', args[0]))
        elif event in ('socket.connect', 'socket.sendto'):
            sock, a = args[0], args[1]
            host, port = _addr(a)
            if host is None:
                return
            d = {'api': event}
            try:
                if sock.family == _socket_mod.AF_UNIX:
                    d['path'] = host
                else:
                    d['host'], d['port'] = host, port
                if sock.type == _socket_mod.SOCK_DGRAM:
                    d['proto'] = 'udp'
            except Exception:
                d['host'], d['port'] = host, port
            _sock_state[id(sock)] = [host, port, 0]
            _record('net', 'connect', d, dedupe=('connect', host, port))
        elif event == 'socket.bind':
            host, port = _addr(args[1])
            if host is not None:
                _record('net', 'bind', {'api': event, 'host': host, 'port': port or 0}, dedupe=('bind', host, port))
        elif event == 'http.client.connect':
            _record('http', 'request', {'api': event, 'host': str(args[1]), 'port': args[2]}, dedupe=('request', args[1], args[2]))
        elif event == 'http.client.send':
            conn, data = args[0], args[1]
            if isinstance(data, str):
                data = data.encode('latin-1', 'replace')
            if isinstance(data, (bytes, bytearray, memoryview)):
                _record('http', 'body', {'api': event, 'host': str(getattr(conn, 'host', '')), 'port': getattr(conn, 'port', 0)}, data=bytes(data))
        elif event == 'urllib.Request':
            url, data, _headers, method = args
            try:
                from urllib.parse import urlsplit
                u = urlsplit(url)
                d = {'api': event, 'method': method or ('POST' if data else 'GET'), 'host': u.hostname or '', 'port': u.port or {'http': 80, 'https': 443}.get(u.scheme, 0), 'path': u.path + ('?' + u.query if u.query else ''), 'proto': u.scheme}
            except Exception:
                d = {'api': event, 'url': str(url)}
            _record('http', 'request', d, data=data if isinstance(data, (bytes, bytearray)) else None)
        elif event == 'subprocess.Popen':
            exe, argv, _cwd, env = args
            argv = [_os.fsdecode(a) if isinstance(a, (bytes, _os.PathLike)) else str(a) for a in (argv if isinstance(argv, (list, tuple)) else [argv])]
            d = {'api': event, 'file': _os.fsdecode(exe) if exe else (argv[0] if argv else ''), 'argv': argv}
            if len(argv) >= 2 and argv[1] == '-c' and argv[0].endswith('sh'):
                d['shell'] = True
                d['file'] = argv[2] if len(argv) > 2 else ''
                d['argv'] = argv
            if env is not None:
                d['env_replaced'] = True
                d['hook_restored'] = '-S' not in argv[1:3]
            _record('child', 'spawn', d)
        elif event == 'os.system':
            cmd = _os.fsdecode(args[0]) if isinstance(args[0], (bytes, str)) else str(args[0])
            _record('child', 'exec', {'api': event, 'file': cmd, 'shell': True, 'argv': ['/bin/sh', '-c', cmd]})
        elif event in ('os.exec', 'os.posix_spawn', 'os.spawn'):
            if event == 'os.spawn':
                _mode, path, argv, env = args
            else:
                path, argv, env = args
            argv = [_os.fsdecode(a) if isinstance(a, (bytes, _os.PathLike)) else str(a) for a in (argv or [])]
            _record('child', 'exec' if event == 'os.exec' else 'spawn', {'api': event, 'file': _os.fsdecode(path), 'argv': argv})
        elif event in ('os.fork', 'os.forkpty', 'pty.spawn'):
            _record('child', 'fork', {'api': event})
        elif event in ('exec', 'compile'):
            _on_code(event, args)
        elif event == 'ctypes.dlopen':
            _record('native', 'dlopen', {'api': event, 'path': str(args[0])}, dedupe=('dlopen', args[0]))
        elif event in ('ctypes.dlsym', 'ctypes.dlsym/handle'):
            _record('binding', 'dlsym', {'api': event, 'name': str(args[1]) if len(args) > 1 else ''}, dedupe=('dlsym', args[1] if len(args) > 1 else ''))
        elif event in ('os.putenv', 'os.unsetenv'):
            name = _os.fsdecode(args[0]) if isinstance(args[0], (bytes, str)) else str(args[0])
            _record('env', 'set' if event == 'os.putenv' else 'delete', {'name': name})
        elif event in ('sys.addaudithook', 'sys.settrace', 'sys.setprofile', 'sys._current_frames'):
            if event != 'sys._current_frames' and not _analyze(2)[4]:
                _state['tampers'] += 1
            _record('tamper', 'overwrite', {'target': event})
        elif event == 'object.__setattr__':
            obj, name = args[0], args[1]
            if obj in _WATCHED:
                if not _analyze(2)[4]:
                    _state['tampers'] += 1
                _record('tamper', 'overwrite', {'target': getattr(obj, '__name__', '?') + '.' + str(name)})

    def _on_code(event, args):
        # Module bodies run by the import system and code the standard
        # library generates (namedtuple, dataclasses, enum) are not recorded.
        pkg, chain, stdlib_first, importing, harness = _analyze(3)
        if harness or stdlib_first or pkg is None:
            return
        if event == 'exec':
            code = args[0]
            fn = getattr(code, 'co_filename', '')
            if importing and not fn.startswith('<'):
                return
            _record('eval', 'eval', {'api': 'exec', 'filename': fn}, skip=4, dedupe=('exec', fn, getattr(code, 'co_firstlineno', 0)))
        else:
            src, fn = args[0], args[1]
            if importing:
                return
            if isinstance(src, bytes):
                src = src.decode('utf-8', 'replace')
            d = {'api': 'compile', 'filename': _os.fsdecode(fn) if isinstance(fn, (str, bytes)) else str(fn)}
            if isinstance(src, str):
                d['code_len'] = len(src)
                d['code'] = src[:120]
            _record('eval', 'compile', d, skip=4)

    def _hook(event, args):
        if getattr(_tls, 'busy', False):
            return
        try:
            if not _ssl_cls and event.startswith('socket.') and 'ssl' in sys.modules:
                _wrap_ssl()
            _on_event(event, args)
        except Exception as e:
            try:
                _emit_raw({'k': 'error', 'o': 'hook', 'p': UNKNOWN, 'd': {'where': event, 'error': repr(e)[:200]}})
            except Exception:
                pass

    # -- outgoing bytes on sockets the code connected (audit events carry none)

    def _peer(sock):
        st = _sock_state.get(id(sock))
        if st is None:
            try:
                a = sock.getpeername()
                host, port = _addr(a)
            except Exception:
                host, port = None, None
            st = [host, port, 0]
            _sock_state[id(sock)] = st
        return st

    def _wrap_send(cls, name):
        orig = getattr(cls, name, None)
        if orig is None:
            return

        def send(self, data, *a, **kw):
            if not getattr(_tls, 'busy', False):
                try:
                    st = _peer(self)
                    if st[2] < DATA_BYTES and isinstance(data, (bytes, bytearray, memoryview)):
                        chunk = bytes(data[:DATA_BYTES - st[2]])
                        st[2] += len(chunk)
                        d = {'api': cls.__name__ + '.' + name, 'host': st[0] or '', 'port': st[1] or 0, 'off': st[2] - len(chunk)}
                        if _ssl_cls and isinstance(self, _ssl_cls[0]):
                            d['tls'] = True
                        _record('net', 'write', d, skip=3, data=chunk)
                except Exception:
                    pass
            return orig(self, data, *a, **kw)
        send.__name__, send.__qualname__, send.__doc__ = orig.__name__, getattr(orig, '__qualname__', name), orig.__doc__
        setattr(cls, name, send)

    for _n in ('send', 'sendall', 'sendto'):
        _wrap_send(_socket_mod.socket, _n)
    _WATCHED = [_socket_mod.socket]
    _ssl_cls = []

    def _wrap_ssl():
        """Wraps ssl.SSLSocket once the code has imported ssl: called at
        every socket audit event until then (a TLS socket is created, so
        raises socket.__new__, before it can send)."""
        cls = getattr(sys.modules.get('ssl'), 'SSLSocket', None)
        if cls is None or _ssl_cls:
            return
        _ssl_cls.append(cls)
        for n in ('send', 'sendall', 'sendto', 'write'):
            _wrap_send(cls, n)
        _WATCHED.append(cls)
        ctx = getattr(sys.modules['ssl'], 'SSLContext', None)
        if ctx is not None:
            for n in ('wrap_socket', 'wrap_bio'):
                _wrap_context(ctx, n)

    def _trust_ca(ctx):
        """Makes the context a TLS connection is wrapped with trust the fake
        internet's authority (contexts made before the hook saw ssl too:
        requests' and urllib3's with certifi's bundle, http.client's,
        asyncio's). Adding it again is not an error."""
        if not _extra_ca:
            return
        try:
            ctx.load_verify_locations(cadata=_extra_ca)
        except Exception as e:
            try:
                _emit_raw({'k': 'error', 'o': 'hook', 'p': UNKNOWN, 'd': {'where': 'ssl trust', 'error': repr(e)[:200]}})
            except Exception:
                pass

    def _wrap_context(cls, name):
        """SSLContext.wrap_socket and wrap_bio: the context trusts the fake
        internet's authority first; the TLS socket made from a connected
        one takes over its peer (what its writes are recorded to), with its
        own count of bytes: it is a new object, whose id() may be that of a
        socket gone before."""
        orig = getattr(cls, name, None)
        if orig is None:
            return

        def wrap(self, *a, **kw):
            _trust_ca(self)
            sock = (a[0] if a else kw.get('sock')) if name == 'wrap_socket' else None
            st = _sock_state.get(id(sock)) if sock is not None else None
            out = orig(self, *a, **kw)
            if name == 'wrap_socket':
                if st is not None:
                    _sock_state[id(out)] = [st[0], st[1], 0]
                else:
                    _sock_state.pop(id(out), None)
            return out
        wrap.__name__, wrap.__qualname__, wrap.__doc__ = orig.__name__, getattr(orig, '__qualname__', name), orig.__doc__
        setattr(cls, name, wrap)

    # -- os.environ: a recording mapping (reads make no syscall)
    class _Environ(_os._Environ):
        def __getitem__(self, key):
            _record('env', 'get', {'name': str(key)}, skip=3, dedupe=('get', key))
            return super().__getitem__(key)

        def __contains__(self, key):
            _record('env', 'has', {'name': str(key)}, skip=3, dedupe=('has', key))
            return super().__contains__(key)

        def __iter__(self):
            _record('env', 'enumerate', {}, skip=3, dedupe=('enumerate',))
            return super().__iter__()

        def __setitem__(self, key, value):
            _record('env', 'set', {'name': str(key)}, skip=3)
            return super().__setitem__(key, value)

        def __delitem__(self, key):
            _record('env', 'delete', {'name': str(key)}, skip=3)
            return super().__delitem__(key)

    def _track(env):
        e = _Environ(env._data, env.encodekey, env.decodekey, env.encodevalue, env.decodevalue)
        return e

    _os.environ = _track(_os.environ)
    if hasattr(_os, 'environb'):
        _os.environb = _track(_os.environb)

    # -- os._exit ends the process without unwinding: recorded before it
    # happens (as the Node.js hook records process.exit), so that a phase
    # it cut short names the distribution that ended it. SystemExit
    # unwinds to the harness, which records it (record_raised).
    _real_exit = _os._exit

    def _exit(code):
        _record('exit', '_exit', {'code': str(code)[:40]}, skip=3)
        _real_exit(code)
    _exit.__name__, _exit.__qualname__, _exit.__doc__ = _real_exit.__name__, _real_exit.__name__, _real_exit.__doc__
    _os._exit = _exit

    sys.addaudithook(_hook)

    # -- the harness's interface (only /depbox/ code may use it)
    def new_window():
        """Start a new dedupe window (each invocation)."""
        _sent.clear()

    def set_context(pkg):
        """Attribute frameless events (a .pth file's exec) to pkg; None ends it."""
        _ctx['pkg'] = pkg

    def record_raised(kind, op, detail, tb):
        """A record of what raised exception traceback tb (a SystemExit
        that would end the process), attributed from its innermost frame."""
        f = None
        while tb is not None:
            f, tb = tb.tb_frame, tb.tb_next
        if f is not None:
            _record(kind, op, detail, frame=f)

    def state():
        """What the hook counted (the batch loader compares it around a
        window): tampers, changes of the interpreter's hooks or of watched
        classes by code other than the harness."""
        return dict(_state)

    def record(kind, op, detail):
        """A record of the harness itself (kind invoke, Pkg '')."""
        with _lock:
            _emit_raw({'k': kind, 'o': op, 'p': '', 'd': detail})
