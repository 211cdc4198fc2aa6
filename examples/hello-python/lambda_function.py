"""A small Python Lambda function for depbox's example scan.

Vendor its dependencies beside it the way Lambda takes them
(pip install -r requirements.txt -t .) and scan the directory:

    depbox scan examples/hello-python
"""
import json
import os


def lambda_handler(event, context):
    name = (event or {}).get("queryStringParameters") or {}
    body = {
        "hello": name.get("name", "world"),
        "function": context.function_name,
        "region": os.environ.get("AWS_REGION"),
    }
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(body)}
