# A function colouring its log lines with termncolor (TEST FIXTURE of
# depbox's eval corpus).
from termncolor import colored


def lambda_handler(event, context):
    print(colored("request " + context.aws_request_id, "green"))
    return {"statusCode": 200}
