// Where scripts/serve.ts finds the routes lib/server/direct-routes.ts registers: a global, because serve.ts is not
// compiled with Next's server and cannot import that module (it is server-only). Types and a name only.
import type { IncomingMessage, ServerResponse } from "node:http";

export const DIRECT_ROUTES_KEY = Symbol.for("roomful.directRoutes");

export interface DirectRoutes {
  /** Serves the request and returns true, or returns false for Next to serve it. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Resolves when the work started by answered requests (realtime triggers) has settled: for a graceful stop. */
  settled(): Promise<void>;
}
