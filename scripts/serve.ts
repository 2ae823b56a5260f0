// The production HTTP server that `npm start` runs (scripts/start.ts): Next.js's request handler, with the routes
// of lib/server/direct-routes.ts answered before Next's router (registered by instrumentation.ts on Next's first
// request), and each peer's address appended to X-Forwarded-For. On SIGTERM/SIGINT it drains as `next start` does:
// no new connections, in-flight requests answered, their after() work and realtime triggers settled, then exit 0
// (lib/observability/shutdown.ts bounds the wait).
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { peerAddress } from "../lib/auth/client-ip";
import { BODY_TOO_LARGE_MESSAGE, MAX_REQUEST_BODY_BYTES } from "../lib/http/body-limits";
import { DIRECT_ROUTES_KEY, type DirectRoutes } from "../lib/server/direct-routes-key";
import { portFromEnv } from "./stack/ports";
import { runMain } from "./stack/run-main";

runMain(async () => {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  const port = portFromEnv("PORT", 3000, values.port ? { ...process.env, PORT: values.port } : process.env);
  const server = http.createServer();
  const app = next({
    dev: false,
    dir: process.cwd(),
    hostname: values.hostname ?? "localhost",
    port,
    httpServer: server,
  });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  // Next runs instrumentation.ts on its first request; until then it serves every route itself.
  const direct = () => (globalThis as Record<symbol, DirectRoutes | undefined>)[DIRECT_ROUTES_KEY];

  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    // As a proxy would: the last entry is then the one address no client can write (lib/auth/client-ip.ts).
    const forwarded = request.headers["x-forwarded-for"];
    const peer = peerAddress(request.socket.remoteAddress);
    request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
    if (Number(request.headers["content-length"] ?? 0) > MAX_REQUEST_BODY_BYTES) {
      // Refused unread: the connection closes rather than take the rest.
      const json = JSON.stringify({ error: { code: "invalid:too_large", message: BODY_TOO_LARGE_MESSAGE } });
      response.writeHead(413, { "Content-Type": "application/json", Connection: "close" }).end(json);
      return;
    }
    if (direct()?.handle(request, response)) return;
    nextHandler(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, values.hostname, resolve);
  });
  const local = `http://${!values.hostname || values.hostname === "0.0.0.0" ? "127.0.0.1" : values.hostname}:${port}`;
  // A first request makes Next run instrumentation.ts, which registers the direct routes.
  await fetch(`${local}/api/health/live`).then((response) => response.arrayBuffer());
  if (!direct()) console.warn("instrumentation.ts registered no direct routes: Next serves every request");
  console.log(`Roomful is serving on http://${values.hostname ?? "localhost"}:${port}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // close() stops accepting and ends idle keep-alive connections; it calls back once in-flight requests are done.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([app.close(), direct()?.settled()]);
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop());
});
