# A function whose layer ships chimera-sandbox-extensions (TEST FIXTURE of
# depbox's eval corpus); the layer is laid out as Lambda mounts it under
# /opt: python/lib/python3.11/site-packages.
import chimera_sandbox_extensions as cse


def lambda_handler(event, context):
    return {"statusCode": 200, "body": cse.sandbox_name(event)}
