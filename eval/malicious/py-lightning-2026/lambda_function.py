# A function that loads a model checkpoint with lightning (TEST FIXTURE of
# depbox's eval corpus: lightning 2.6.3 is a compromised release).
import lightning


def lambda_handler(event, context):
    return {"statusCode": 200, "body": lightning.__version__}
