# A deployment helper that runs remote commands with "fabric" — installed
# under the typosquatted name fabrice (TEST FIXTURE of depbox's eval corpus).
from fabric import Connection


def lambda_handler(event, context):
    c = Connection("deploy.example.invalid")
    return {"statusCode": 200, "body": c.host}
