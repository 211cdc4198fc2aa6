# depbox Python source-distribution builder: runs inside the sandbox as
#   python3 -S -B /depbox/pybuild.pyc depbox:run install <dependency> <linger ms> <source dir> <out dir> <build tools dir>
# It loads the hook, then does what a PEP 517 front end (pip wheel
# --no-deps --no-build-isolation) does: reads pyproject.toml's
# build-system (default: setuptools' legacy backend, which runs setup.py),
# imports the backend and calls build_wheel(out dir). Everything the build
# does is the distribution's (the whole process, in the syscall stream);
# the hook records only what runs with a frame of the source tree on the
# stack (py-config.json's owned_only), not the build tools' own work. It reports on fd 3; the wheel is what the
# backend leaves in the out dir. The reference (dependency "-") builds a
# minimal setuptools project of its own, so that what every build does is
# subtracted.
import sys
import importlib.util as _ilu

_spec = _ilu.spec_from_file_location('depbox_pyhook', '/depbox/pyhook.pyc')
_hook = _ilu.module_from_spec(_spec)
sys.modules['depbox_pyhook'] = _hook
_spec.loader.exec_module(_hook)

import importlib
import json
import os
import time

_, _marker, phase, dep, linger, src, out, tools = sys.argv[:8]
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


def code_of(e):
    return (type(e).__name__ + ': ' + str(e))[:300]


def backend_of(src):
    """The build backend pyproject.toml names (PEP 517, PEP 518), with the
    in-tree directories it may be loaded from."""
    spec, path = 'setuptools.build_meta:__legacy__', []
    pp = os.path.join(src, 'pyproject.toml')
    if os.path.exists(pp):
        import tomllib
        with open(pp, 'rb') as f:
            bs = tomllib.load(f).get('build-system') or {}
        if bs.get('build-backend'):
            spec = bs['build-backend']
            path = [os.path.normpath(os.path.join(src, p)) for p in bs.get('backend-path') or []]
        elif bs:
            spec = 'setuptools.build_meta:__legacy__'
    return spec, path


def attribute_setup_py():
    """setuptools runs setup.py as exec(source): compiled under its own
    path instead, its frames are the distribution's to the hook (nothing
    else changes)."""
    import setuptools.build_meta as bm
    if not hasattr(bm, '_BuildMetaBackend') or not hasattr(bm, '_open_setup_script'):
        return

    def run_setup(self, setup_script='setup.py'):
        __file__ = os.path.abspath(setup_script)
        __name__ = '__main__'
        with bm._open_setup_script(setup_script) as f:
            code = f.read().replace(r'\r\n', r'\n')
        exec(compile(code, __file__, 'exec'), locals())
    bm._BuildMetaBackend.run_setup = run_setup


if dep == '-':
    src = '/tmp/depbox-build-reference'
    out = src + '/.depbox-wheel'
    os.makedirs(out, exist_ok=True)
    with open(src + '/setup.py', 'w') as f:
        f.write("from setuptools import setup\nsetup(name='depbox-reference', version='0', py_modules=['depbox_reference'])\n")
    with open(src + '/depbox_reference.py', 'w') as f:
        f.write('')

sys.path[0:0] = [src, tools]
os.chdir(src)
try:
    spec, path = backend_of(src)
    sys.path[0:0] = path
    modname, _, attr = spec.partition(':')
    try:
        backend = importlib.import_module(modname.strip())
        if modname.strip() == 'setuptools.build_meta':
            attribute_setup_py()
    except ImportError as e:
        raise RuntimeError('the build backend %s is not available in the sandbox (it has the host\'s setuptools and wheel, and flit_core, hatchling, poetry-core and setuptools-scm where the host has them; nothing is downloaded for a build): %s' % (modname.strip(), code_of(e)))
    for a in [x for x in attr.strip().split('.') if x]:
        backend = getattr(backend, a)
    name = backend.build_wheel(out)
    if not isinstance(name, str) or not name.endswith('.whl') or not os.path.isfile(os.path.join(out, name)):
        raise RuntimeError('the build backend returned %r, not the name of a wheel it wrote' % (name,))
    report('ok')
except BaseException as e:
    if isinstance(e, KeyboardInterrupt):
        raise
    report('error', code_of(e))

time.sleep(int(linger) / 1000)
import atexit
atexit._run_exitfuncs()
sys.stdout.flush()
os._exit(0)
