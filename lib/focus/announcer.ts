// Announces focus sessions' phase changes and ends on schedule, in every app instance (started from
// instrumentation.ts). Each instance polls the running sessions every FOCUS_POLL_MS and sets a timer for the next
// boundary in between. The database decides who announces: a phase moves announcedPhase forward with a conditional
// UPDATE, an end sets endedAt where it is null, and only the instance whose UPDATE changed the row publishes. So each
// change is announced once however many instances run, and an instance started mid-session picks up where it is.
import "server-only";
import {
  advanceFocusPhase,
  endFocusSessionOnSchedule,
  findFocusSession,
  listRunningFocusSessions,
  type RunningFocusSession,
} from "../db/focus-sessions";
import { env } from "../env";
import { log } from "../log";
import { isDraining } from "../observability/shutdown";
import { nextBoundary, phaseIndexAt, scheduledEnd, scheduleOfStored } from "./schedule";
import { announceFocusSession } from "./views";

export interface FocusTickReport {
  /** Running sessions seen. */
  sessions: number;
  /** Phase changes and ends this instance announced. */
  announced: number;
  /** The next boundary of any running session (ms since the epoch), or null. */
  nextAt: number | null;
}

/** Brings one session up to `now`: ends it after its schedule, else announces the phase it has reached. */
async function bringUpToDate(session: RunningFocusSession, now: number): Promise<boolean> {
  const schedule = scheduleOfStored(session);
  let announce: "ended" | "phase" | null = null;
  if (now >= scheduledEnd(schedule)) {
    if (await endFocusSessionOnSchedule({ sessionId: session.id })) announce = "ended";
  } else {
    const phase = phaseIndexAt(schedule, now);
    if (phase > session.announcedPhase && (await advanceFocusPhase({ sessionId: session.id, phase })))
      announce = "phase";
  }
  if (!announce) return false;
  const row = await findFocusSession({ id: session.id });
  if (row) await announceFocusSession(row, announce, now);
  return true;
}

/** One pass over the running sessions. */
export async function runFocusAnnouncerTick({ now = Date.now() }: { now?: number } = {}): Promise<FocusTickReport> {
  const sessions = await listRunningFocusSessions();
  let announced = 0;
  let nextAt: number | null = null;
  for (const session of sessions) {
    try {
      if (await bringUpToDate(session, now)) announced += 1;
    } catch (error) {
      log.error({ err: error, sessionId: session.id }, "focus announcement failed; the next tick retries");
    }
    const next = nextBoundary(scheduleOfStored(session), now);
    if (next !== null && (nextAt === null || next < nextAt)) nextAt = next;
  }
  return { sessions: sessions.length, announced, nextAt };
}

export interface FocusAnnouncerOptions {
  pollMs?: number;
  /** One pass; tests may give their own. */
  tick?: () => Promise<FocusTickReport>;
}

// A boundary's timer fires a little after it, so the phase computed then is the new one (timers may fire early).
const BOUNDARY_SLACK_MS = 25;

/** An announcer loop; several may run (in one process for tests, or one per instance). Returns its stop function. */
export function createFocusAnnouncer({
  pollMs = env().FOCUS_POLL_MS,
  tick: runTick = () => runFocusAnnouncerTick(),
}: FocusAnnouncerOptions = {}): { stop: () => void; running: () => boolean } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
  const schedule = (nextAt: number | null) => {
    if (stopped) return;
    // Jitter keeps instances from polling in step; a boundary sooner than the poll gets its own timer.
    const poll = Math.round(pollMs * (0.75 + Math.random() / 2));
    const untilBoundary = nextAt === null ? poll : nextAt - Date.now() + BOUNDARY_SLACK_MS;
    timer = setTimeout(() => void tick(), Math.max(0, Math.min(poll, untilBoundary)));
    timer.unref();
  };
  const tick = async () => {
    if (stopped || isDraining()) return stop();
    let nextAt: number | null = null;
    try {
      ({ nextAt } = await runTick());
    } catch (error) {
      log.error({ err: error }, "focus announcer tick failed; the next one retries");
    }
    schedule(nextAt);
  };
  timer = setTimeout(() => void tick(), 0);
  timer.unref();
  return { stop, running: () => !stopped };
}

interface ProcessAnnouncer {
  stop: () => void;
  running: () => boolean;
}

// On globalThis: one announcer per process even if the module is evaluated again (next dev's reloads).
const STATE = Symbol.for("roomful.focusAnnouncer");
const holder = globalThis as Record<symbol, ProcessAnnouncer | undefined>;

/** Starts this process's announcer (once); returns a function that stops it. */
export function startFocusAnnouncer(options: FocusAnnouncerOptions = {}): () => void {
  const existing = holder[STATE];
  if (existing?.running()) return existing.stop;
  const announcer = createFocusAnnouncer(options);
  holder[STATE] = announcer;
  log.info({ pollMs: options.pollMs ?? env().FOCUS_POLL_MS }, "focus announcer started");
  return announcer.stop;
}
