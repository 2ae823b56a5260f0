// Graceful shutdown inside the Next.js server. `next start` itself stops accepting connections and waits for
// in-flight requests and their after() work; this adds what it lacks: readiness turns 503 at once (isDraining), a log
// line, and a bound (SHUTDOWN_TIMEOUT_MS).
import "server-only";
import { log } from "../log";

interface ShutdownState {
  drainingSince?: number;
  installed?: boolean;
}

// On globalThis: instrumentation.ts and the health routes are separate bundles in Next.
const STATE = Symbol.for("roomful.shutdown");
const holder = globalThis as Record<symbol, ShutdownState | undefined>;
const state = (holder[STATE] ??= {});

/** True from the moment a stop signal arrives: readiness answers 503 so no new traffic is routed here. */
export function isDraining(): boolean {
  return state.drainingSince !== undefined;
}

/** Marks the process as draining (the signal handler calls it; tests may too). */
export function startDraining(): void {
  state.drainingSince ??= Date.now();
}

/** For tests: back to serving. */
export function stopDraining(): void {
  state.drainingSince = undefined;
}

/**
 * Runs beside Next's own signal handlers (which drain); exits with 1 if still alive `timeoutMs` after the signal, so a
 * hung request or after() task cannot hold a deploy forever.
 */
export function installShutdownHandlers({ timeoutMs }: { timeoutMs: number }): void {
  if (state.installed) return;
  state.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isDraining()) return;
    startDraining();
    log.info(
      { signal, timeoutMs },
      "draining: no new connections; finishing in-flight requests and their after() work",
    );
    setTimeout(() => {
      log.error(
        { timeoutMs },
        `still busy ${timeoutMs} ms after ${signal} (SHUTDOWN_TIMEOUT_MS): exiting with work unfinished`,
      );
      process.exit(1);
    }, timeoutMs).unref();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  process.once("exit", (code) => {
    if (isDraining()) log.info({ code, drainedMs: Date.now() - (state.drainingSince ?? Date.now()) }, "stopped");
  });
}
