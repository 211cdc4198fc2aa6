#!/bin/sh
# Rebuilds the bundled-function fixtures under ../bundles/bundled-* and the
# two bundled functions of the evaluation corpus (eval/malicious/
# eslint-scope-2018-bundled, eval/benign/functions/bundled-api) from this
# project with esbuild and webpack, installed from the npm registry with
# --ignore-scripts. The bundlers only parse the code: nothing of the bundled
# packages (the stealer fixture included) runs on this machine; the bundles
# run only inside depbox's sandbox, in the tests.
set -eu
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
(cd tools && npm ci --ignore-scripts --no-audit --no-fund)
esbuild=tools/node_modules/.bin/esbuild
out=../bundles
rm -rf "$out"/bundled-esbuild "$out"/bundled-benign "$out"/bundled-min "$out"/bundled-esm "$out"/bundled-webpack

# CDK NodejsFunction's defaults: CommonJS for node, not minified, no source
# map, the AWS SDK left to the runtime. The packages are named by esbuild's
# region comments.
cdk="--bundle --platform=node --target=node20 --format=cjs --external:@aws-sdk/*"
$esbuild src/evil.js $cdk --outfile=$out/bundled-esbuild/index.js
$esbuild src/index.js $cdk --outfile=$out/bundled-benign/index.js

# CDK with minify: true and sourceMap: true: the map beside the bundle.
$esbuild src/evil.js $cdk --minify --sourcemap --outfile=$out/bundled-min/index.js

# An ES module function (top-level await) bundled as ESM with an inline map,
# with the require shim CDK adds for CommonJS packages in ESM output.
$esbuild src/esm.mjs --bundle --platform=node --target=node20 --format=esm --sourcemap=inline \
  "--banner:js=import { createRequire as topLevelCreateRequire } from 'module'; const require = topLevelCreateRequire(import.meta.url);" \
  --outfile=$out/bundled-esm/index.mjs

# webpack's development build (the eval devtool): modules keyed by path.
tools/node_modules/.bin/webpack --mode development --target node --entry ./src/evil.js \
  --output-path $out/bundled-webpack --output-filename index.js --output-library-type commonjs2

# The evaluation corpus: CDK's defaults again.
ev=../../../../eval
$esbuild src/lint.js $cdk --outfile=$ev/malicious/eslint-scope-2018-bundled/index.js
$esbuild src/api.js $cdk --outfile=$ev/benign/functions/bundled-api/index.js
