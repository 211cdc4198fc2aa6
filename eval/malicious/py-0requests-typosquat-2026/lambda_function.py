# A function that meant to install requests and got 0requests (TEST FIXTURE
# of depbox's eval corpus).
import requests0 as requests


def lambda_handler(event, context):
    return {"statusCode": 200, "body": requests.__version__}
