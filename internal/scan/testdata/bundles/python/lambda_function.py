# A Python function whose dependencies imitate malware (testdata for
# depbox's integration tests: it contacts only *.invalid names and
# documentation addresses, inside the sandbox).
import benign
import wrapper


def lambda_handler(event, context):
    wrapper.greet(context.function_name)
    return {"statusCode": 200, "body": benign.VERSION}
