"""A renderer: loads a page description (YAML) from the request body or the
bundled default and renders it to HTML with Jinja2 (autoescaped)."""
import json
import os

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

_HERE = os.path.dirname(os.path.abspath(__file__))
_env = Environment(loader=FileSystemLoader(os.path.join(_HERE, "templates")),
                   autoescape=select_autoescape(["html"]))
with open(os.path.join(_HERE, "templates", "default.yaml")) as f:
    _DEFAULT = yaml.safe_load(f)


def _page(event):
    body = event.get("body") if isinstance(event, dict) else None
    if isinstance(body, str) and body.strip():
        try:
            page = yaml.safe_load(body)
        except yaml.YAMLError:
            page = None
        if isinstance(page, dict):
            return {**_DEFAULT, **page}
    return dict(_DEFAULT)


def lambda_handler(event, context):
    page = _page(event)
    items = page.get("items") or []
    if not isinstance(items, list):
        items = [str(items)]
    html = _env.get_template("page.html").render(title=str(page.get("title", "")), items=[str(i) for i in items],
                                                  request_id=getattr(context, "aws_request_id", ""))
    return {"statusCode": 200, "headers": {"content-type": "text/html"}, "body": html,
            "isBase64Encoded": False, "length": len(json.dumps(html))}
