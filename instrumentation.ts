// Runs once when a Next.js server starts. The check lives in a Node-only module, imported only
// on the Node.js runtime, so the Edge bundle never sees process.exit.
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./lib/env-check");
    checkEnvOrExit();
    const { registerObservability } = await import("./lib/observability/register");
    registerObservability();
    // Every instance runs one; row locks share the work (lib/notifications/away-emails.ts).
    const { env } = await import("./lib/env");
    if (env().AWAY_EMAIL_WORKER) {
      const { startAwayEmailWorker } = await import("./lib/notifications/away-email-worker");
      startAwayEmailWorker();
    }
    // Every instance runs one; conditional updates decide which announces each change (lib/focus/announcer.ts).
    if (env().FOCUS_ANNOUNCER) {
      const { startFocusAnnouncer } = await import("./lib/focus/announcer");
      startFocusAnnouncer();
    }
    // Only `npm start`'s server (scripts/serve.ts) looks for them; `next dev` serves every route itself.
    if (process.env.NODE_ENV === "production") {
      const { registerDirectRoutes } = await import("./lib/server/direct-routes");
      registerDirectRoutes();
    }
  }
}

/** Errors no route caught: one JSON line with the route pattern and the request id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/observability/request-errors");
  logRequestError(error, request, context);
};
