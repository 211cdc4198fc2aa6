# A function calling a model through litellm (TEST FIXTURE of depbox's eval
# corpus: litellm 1.82.8 is the compromised release).
import litellm


def lambda_handler(event, context):
    return {"statusCode": 200, "body": litellm.__version__}
