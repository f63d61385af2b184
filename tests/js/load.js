// Loads parts of the map's script (geo/map/static/nkmap/) into a fresh context, as the joined
// script does in a page: `var nkmap = {}`, then each part in turn. Returns that nkmap.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const PARTS = path.join(__dirname, "..", "..", "geo", "map", "static", "nkmap");

function load(parts, globals = {}) {
  const context = vm.createContext({...globals});
  vm.runInContext("var nkmap = {};", context);
  for (const part of parts) {
    vm.runInContext(fs.readFileSync(path.join(PARTS, part), "utf8"), context, {filename: part});
  }
  return context.nkmap;
}

/* A value made in that context as this context's plain data, for deepEqual (whose strict mode
 * tells apart the two contexts' Array and Object). */
function plain(value) { return JSON.parse(JSON.stringify(value)); }

module.exports = {load, plain, PARTS};
