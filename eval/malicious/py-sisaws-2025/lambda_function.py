# A function that checks a patient's coverage through Argentina's SISA
# service with the sisaws client (TEST FIXTURE of depbox's eval corpus).
import sisaws


def lambda_handler(event, context):
    token = sisaws.gen_token("b8f5f2c3a1d94e7f")
    return {"statusCode": 200, "body": sisaws.puco(token, "20123456")}
