// Preloaded into soketi's process (after uws-resolve.cjs): soketi 1.6 ends every HTTP API answer with uWebSockets'
// "close the connection" flag, so each event the app triggered opened and closed a TCP connection (README, "Measured
// choices"). The same answers, minus that flag, let the app's keep-alive agent reuse its connections.
const path = require("node:path");

const handlerFile = path.join(path.dirname(require.resolve("@soketi/soketi/package.json")), "dist", "http-handler.js");
const { HttpHandler } = require(handlerFile);
const proto = HttpHandler && HttpHandler.prototype;
if (!proto || typeof proto.send !== "function" || typeof proto.sendJson !== "function") {
  throw new Error("soketi's HttpHandler changed: scripts/stack/soketi-keep-alive.cjs needs a look");
}

function answer(write) {
  try {
    return write();
  } catch (error) {
    console.warn("soketi: response could not be sent", error);
  }
}

proto.sendJson = function sendJson(res, data, status = "200 OK") {
  return answer(() =>
    res.writeStatus(status).writeHeader("Content-Type", "application/json").end(JSON.stringify(data)),
  );
};
proto.send = function send(res, data, status = "200 OK") {
  return answer(() => res.writeStatus(status).end(data));
};
