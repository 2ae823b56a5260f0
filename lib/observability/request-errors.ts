// Errors that escaped every route (instrumentation.ts's onRequestError): one log line with the
// route pattern and the digest the error page shows, so a reader's report can be found here.
import "server-only";
import type { Instrumentation } from "next";
import { log } from "../log";

type Args = Parameters<Instrumentation.onRequestError>;

export function logRequestError(error: Args[0], request: Args[1], context: Args[2]): void {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  // The route pattern, not request.path: paths and queries can hold tokens (reset links …).
  log.error(
    {
      err: error,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      ...(digest ? { digest } : {}),
    },
    "request failed",
  );
}
