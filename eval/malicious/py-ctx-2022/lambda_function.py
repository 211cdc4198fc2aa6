# A function keeping its settings in a ctx.Ctx dictionary (TEST FIXTURE of
# depbox's eval corpus: ctx 0.2.6 is the hijacked release).
from ctx import Ctx


def lambda_handler(event, context):
    settings = Ctx()
    settings.request_id = context.aws_request_id
    return {"statusCode": 200, "body": settings.request_id}
