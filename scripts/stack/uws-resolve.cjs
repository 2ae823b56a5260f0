// Preloaded into soketi's process: soketi does require('uWebSockets.js'), but the package we
// install under that name (uws-pack, see package.json overrides) exports ESM only. Point the
// require at the native binary for this platform and Node ABI inside that package instead.
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

function findBinary() {
  const file = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  // From this file, not the working directory: soketi runs in a folder of its own (no .env there).
  for (const dir of Module._nodeModulePaths(__dirname)) {
    const candidate = path.join(dir, "uWebSockets.js", "dist", "bin", file);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`uWebSockets.js binary ${file} not found; run npm install`);
}

const binary = findBinary();
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveUws(request, ...rest) {
  if (request === "uWebSockets.js") return binary;
  return originalResolve.call(this, request, ...rest);
};
