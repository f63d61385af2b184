// ESLint for the map's scripts and their tests (make lint). The browser scripts are plain scripts
// (no modules): the map's parts share one global, nkmap; Leaflet is L.
"use strict";
const js = require("@eslint/js");

const browser = {
  window: "readonly", document: "readonly", fetch: "readonly", URL: "readonly", MutationObserver: "readonly",
  PopStateEvent: "readonly", console: "readonly", setInterval: "readonly", clearInterval: "readonly",
  setTimeout: "readonly", clearTimeout: "readonly",
};

module.exports = [
  {ignores: ["node_modules/", ".venv/", ".tools/", "static/vendor/", "build/"]},
  js.configs.recommended,
  {
    files: ["geo/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020, sourceType: "script",
      globals: {...browser, L: "readonly", nkmap: "readonly"},
    },
    rules: {strict: ["error", "function"], "no-var": "off"},
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: {
      ecmaVersion: 2022, sourceType: "commonjs",
      globals: {require: "readonly", module: "writable", __dirname: "readonly", console: "readonly"},
    },
  },
];
