# TEST FIXTURE — stands in for litellm 1.82.8's clean package code; the
# payload is litellm_init.pth beside it.
__version__ = "1.82.8"


def completion(model, messages):
    return {"model": model, "choices": []}
