package bundle

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

const samTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: !Ref TimeoutParam
    Runtime: nodejs20.x
Parameters:
  TimeoutParam:
    Type: Number
Resources:
  ZetaFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: zeta.handler
  AlphaFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: hello-world/
      Handler: app.lambdaHandler
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          TABLE: !Sub "${AWS::StackName}-table"
      Events:
        Api:
          Type: Api
          Properties: {Path: /hello, Method: get}
  Role:
    Type: AWS::IAM::Role
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  Arn:
    Value: !GetAtt AlphaFunction.Arn
`

func TestHandler(t *testing.T) {
	tests := []struct {
		name        string
		files       map[string]string
		opt         string
		handler     string
		handlerFile string
		err         string // substring of an ErrInput error
	}{
		{name: "default index.js", files: map[string]string{"index.js": "", "app.js": ""}, handler: "index.handler", handlerFile: "index.js"},
		{name: "index.js before index.mjs", files: map[string]string{"index.mjs": "", "index.js": ""}, handler: "index.handler", handlerFile: "index.js"},
		{name: "default index.cjs", files: map[string]string{"index.cjs": ""}, handler: "index.handler", handlerFile: "index.cjs"},
		{name: "default lambda.js", files: map[string]string{"lambda.js": "", "other.js": ""}, handler: "lambda.handler", handlerFile: "lambda.js"},
		{name: "default src/index.js", files: map[string]string{"src/index.js": "", "package.json": "{}"}, handler: "src/index.handler", handlerFile: "src/index.js"},
		{name: "package.json main", files: map[string]string{"package.json": `{"main":"dist/main.js"}`, "dist/main.js": ""}, handler: "dist/main.handler", handlerFile: "dist/main.js"},
		{name: "none", files: map[string]string{"package.json": `{"name":"lib"}`, "lib/x.js": ""}},
		{name: "option", files: map[string]string{"index.js": "", "src/app.mjs": ""}, opt: "src/app.main", handler: "src/app.main", handlerFile: "src/app.mjs"},
		{name: "option nested export", files: map[string]string{"index.js": "", "h.cjs": ""}, opt: "h.handlers.main", handler: "h.handlers.main", handlerFile: "h.cjs"},
		{name: "option extensionless file", files: map[string]string{"index.js": "", "run": ""}, opt: "run.handler", handler: "run.handler", handlerFile: "run"},
		{name: "option directory", files: map[string]string{"lib/index.js": "", "package.json": "{}"}, opt: "lib.handler", handler: "lib.handler", handlerFile: "lib/index.js"},
		{name: "option package in node_modules", files: map[string]string{"package.json": "{}", "node_modules/fn/package.json": `{"main":"lib/entry"}`, "node_modules/fn/lib/entry.js": ""}, opt: "fn.handler", handler: "fn.handler", handlerFile: "node_modules/fn/lib/entry.js"},
		{name: "option through symlink", files: map[string]string{"package.json": "{}", "real/h.js": "", "h.js": "->real/h.js"}, opt: "h.handler", handler: "h.handler", handlerFile: "h.js"},
		{name: "option missing module", files: map[string]string{"index.js": ""}, opt: "nope.handler", err: "not in the bundle"},
		{name: "option malformed", files: map[string]string{"index.js": ""}, opt: "index", err: "not of the form"},
		{name: "option with space", files: map[string]string{"index.js": ""}, opt: "index.handler x", err: "not of the form"},
		{name: "option outside", files: map[string]string{"index.js": ""}, opt: "../index.handler", err: "outside the bundle"},
		{name: "sam template", files: map[string]string{"template.yaml": samTemplate, "hello-world/app.mjs": "", "zeta.js": "", "index.js": ""}, handler: "hello-world/app.lambdaHandler", handlerFile: "hello-world/app.mjs"},
		{name: "sam template built (no CodeUri dir)", files: map[string]string{"template.yml": samTemplate, "app.js": "", "index.js": ""}, handler: "app.lambdaHandler", handlerFile: "app.js"},
		{name: "sam template handler missing", files: map[string]string{"template.yaml": samTemplate, "index.js": ""}, err: `template.yaml: Resources.AlphaFunction: names the handler "app.lambdaHandler"`},
		{name: "option beats template", files: map[string]string{"template.yaml": samTemplate, "index.js": ""}, opt: "index.handler", handler: "index.handler", handlerFile: "index.js"},
		{name: "sam globals handler and python function skipped", files: map[string]string{
			"template.yaml": `Globals:
  Function:
    Handler: main.handler
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: app.handler}
  B:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs22.x}
`, "main.js": ""}, handler: "main.handler", handlerFile: "main.js"},
		{name: "template only ruby", files: map[string]string{
			"template.yaml": "Resources:\n  A:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: ruby3.3, Handler: app.handler}\n",
			"app.rb":        ""}, err: `runtime "ruby3.3"`},
		{name: "cloudformation json", files: map[string]string{
			"template.json": `{"Resources": {
	"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "handler.main", "Runtime": "nodejs18.x", "Role": {"Fn::GetAtt": ["R", "Arn"]}}},
	"Img": {"Type": "AWS::Lambda::Function", "Properties": {"PackageType": "Image"}},
	"Ref": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": {"Ref": "H"}}}
}}`, "handler.js": "", "index.js": ""}, handler: "handler.main", handlerFile: "handler.js"},
		{name: "malformed template json", files: map[string]string{"template.json": "{\"Resources\": }", "index.js": ""}, err: "template.json: malformed JSON at line 1"},
		{name: "template without functions", files: map[string]string{"template.yaml": "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", "index.js": ""}, handler: "index.handler", handlerFile: "index.js"},
		{name: "intrinsic handler passed over", files: map[string]string{"template.yaml": "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: !Ref H\n", "index.js": ""}, handler: "index.handler", handlerFile: "index.js"},
		{name: "serverless", files: map[string]string{
			"serverless.yml": `service: svc
custom:
  defaults: &defaults
    handler: src/handlers/b.main
provider:
  name: aws
  runtime: nodejs20.x
functions:
  zulu:
    handler: src/handlers/z.main
  bravo:
    <<: *defaults
    events:
      - http: {path: /b, method: get}
  alpha:
    handler: ${self:custom.h}
`, "src/handlers/b.js": "", "src/handlers/z.js": "", "index.js": ""}, handler: "src/handlers/b.main", handlerFile: "src/handlers/b.js"},
		{name: "serverless ruby", files: map[string]string{
			"serverless.yaml": "provider:\n  runtime: ruby3.3\nfunctions:\n  f:\n    handler: handler.main\n", "handler.rb": ""}, err: "only Node.js and Python"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := t.TempDir()
			writeFiles(t, src, tt.files)
			b, err := Open(src, t.TempDir(), Options{Handler: tt.opt})
			if tt.err != "" {
				if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Open = %v, want ErrInput mentioning %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.Handler != tt.handler || b.HandlerFile != tt.handlerFile || b.Runtime != "nodejs" {
				t.Errorf("handler %q file %q runtime %q, want %q %q nodejs", b.Handler, b.HandlerFile, b.Runtime, tt.handler, tt.handlerFile)
			}
		})
	}
}

func TestName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "svc")
	writeFiles(t, dir, map[string]string{"index.js": "", "package.json": `{"name": 5}`})
	b, err := Open(dir, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "svc" {
		t.Errorf("Name = %q, want the directory name when package.json has no string name", b.Name)
	}
}
