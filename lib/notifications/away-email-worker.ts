// Runs away-email ticks (./away-emails.ts) in every app instance, started from instrumentation.ts: every
// AWAY_EMAIL_POLL_MS with jitter (instances drift apart instead of polling in step), one tick at a time per process,
// on an unref'd timer (it never keeps a process alive), stopping once the process drains for shutdown. Several
// instances are safe: the member row locks share the work. A failed tick is logged; the next one tries again.
import "server-only";
import { env } from "../env";
import { log } from "../log";
import { isDraining } from "../observability/shutdown";
import { MEMBERS_PER_TICK, runAwayEmailTick, type AwayEmailTickReport } from "./away-emails";

interface WorkerState {
  timer?: NodeJS.Timeout;
  running: boolean;
  stopped: boolean;
}

// On globalThis: one worker per process even if the module is evaluated again (next dev's reloads).
const STATE = Symbol.for("roomful.awayEmailWorker");
const holder = globalThis as Record<symbol, WorkerState | undefined>;

function nextDelay(pollMs: number): number {
  return Math.round(pollMs * (0.75 + Math.random() / 2));
}

export interface AwayEmailWorkerOptions {
  pollMs?: number;
  /** One pass; tests give their own. */
  tick?: () => Promise<AwayEmailTickReport>;
}

/** Starts this process's worker (once); returns a function that stops it. */
export function startAwayEmailWorker({
  pollMs = env().AWAY_EMAIL_POLL_MS,
  tick: runTick = () => runAwayEmailTick(),
}: AwayEmailWorkerOptions = {}): () => void {
  const existing = holder[STATE];
  if (existing && !existing.stopped) return () => stop(existing);
  const state: WorkerState = { running: false, stopped: false };
  holder[STATE] = state;

  // A full batch means more members may be waiting: the next tick follows at once instead of after the interval.
  const schedule = (backlog = false) => {
    if (state.stopped) return;
    state.timer = setTimeout(() => void tick(), backlog ? 0 : nextDelay(pollMs));
    state.timer.unref();
  };
  const tick = async () => {
    if (state.stopped || isDraining()) return stop(state);
    if (state.running) return schedule();
    state.running = true;
    let backlog = false;
    try {
      const report = await runTick();
      if (report.sent + report.failed > 0) log.info(report, "away emails");
      backlog = report.found >= MEMBERS_PER_TICK && report.sent + report.failed > 0;
    } catch (error) {
      log.error({ err: error }, "away-email tick failed; the next one retries");
    } finally {
      state.running = false;
      schedule(backlog);
    }
  };
  schedule();
  log.info({ pollMs }, "away-email worker started");
  return () => stop(state);
}

/** Whether this process's worker is scheduled (started, and neither stopped nor drained away). */
export function awayEmailWorkerRunning(): boolean {
  const state = holder[STATE];
  return state !== undefined && !state.stopped;
}

function stop(state: WorkerState): void {
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
}
