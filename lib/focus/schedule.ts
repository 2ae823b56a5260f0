// The phase math of a focus session, shared by the server (announcer, start, join) and the browser (the countdown):
// pure functions of the schedule and a time, all in milliseconds since the epoch. Browser-safe (no imports).
// A session has `rounds` focus phases, each but the last followed by a break. Phase k: even = focus k/2, odd = break.

export interface FocusSchedule {
  /** ms since the epoch. */
  startedAt: number;
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
  /** ms since the epoch when stopped early or ended; null while it runs. */
  endedAt: number | null;
}

/** A session as stored (times as Dates): the schedule it holds, for the server's callers. */
export function scheduleOfStored(s: {
  startedAt: Date;
  endedAt?: Date | null;
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
}): FocusSchedule {
  return {
    startedAt: s.startedAt.getTime(),
    endedAt: s.endedAt?.getTime() ?? null,
    focusSeconds: s.focusSeconds,
    breakSeconds: s.breakSeconds,
    rounds: s.rounds,
  };
}

export type FocusPhaseKind = "focus" | "break";

export interface FocusPhase {
  /** 0-based over focus and break phases together. */
  index: number;
  kind: FocusPhaseKind;
  /** 0-based focus round this phase belongs to (a break belongs to the focus before it). */
  round: number;
  startsAt: number;
  endsAt: number;
}

export type FocusMoment = { kind: "pending" } | { kind: "ended"; at: number } | (FocusPhase & { remainingMs: number });

/** How many phases (focus and break) the session has: a break after every focus but the last. */
export const phaseCount = (s: Pick<FocusSchedule, "rounds">) => Math.max(0, 2 * s.rounds - 1);

/** startedAt + rounds·focus + (rounds−1)·break. */
export function scheduledEnd(s: Omit<FocusSchedule, "endedAt">): number {
  return s.startedAt + (s.rounds * s.focusSeconds + Math.max(0, s.rounds - 1) * s.breakSeconds) * 1000;
}

/** min(endedAt, scheduled end). */
export function effectiveEnd(s: FocusSchedule): number {
  const end = scheduledEnd(s);
  return s.endedAt === null ? end : Math.min(s.endedAt, end);
}

/** Not stopped and not past its last phase at `now`. */
export function isRunning(s: FocusSchedule, now: number): boolean {
  return s.endedAt === null && now < scheduledEnd(s);
}

/** Phase `index` of the schedule (no check against rounds). */
export function phaseAt(s: Omit<FocusSchedule, "endedAt">, index: number): FocusPhase {
  const round = Math.floor(index / 2);
  const cycle = (s.focusSeconds + s.breakSeconds) * 1000;
  const focusStart = s.startedAt + round * cycle;
  const kind: FocusPhaseKind = index % 2 === 0 ? "focus" : "break";
  const startsAt = kind === "focus" ? focusStart : focusStart + s.focusSeconds * 1000;
  const endsAt = startsAt + (kind === "focus" ? s.focusSeconds : s.breakSeconds) * 1000;
  return { index, kind, round, startsAt, endsAt };
}

/** The index of the phase running at `now` (clamped to the first and last phase). */
export function phaseIndexAt(s: Omit<FocusSchedule, "endedAt">, now: number): number {
  const last = phaseCount(s) - 1;
  if (now <= s.startedAt || last <= 0) return 0;
  const cycle = (s.focusSeconds + s.breakSeconds) * 1000;
  const round = Math.floor((now - s.startedAt) / cycle);
  const inBreak = now - s.startedAt - round * cycle >= s.focusSeconds * 1000;
  return Math.min(last, 2 * round + (inBreak ? 1 : 0));
}

/** What holds at `now`: before the start (a client clock behind), a phase and its time left, or the end. */
export function momentAt(s: FocusSchedule, now: number): FocusMoment {
  if (now >= effectiveEnd(s)) return { kind: "ended", at: effectiveEnd(s) };
  if (now < s.startedAt) return { kind: "pending" };
  const phase = phaseAt(s, phaseIndexAt(s, now));
  return { ...phase, remainingMs: Math.max(0, phase.endsAt - now) };
}

/** The next phase boundary after `now` (a phase start or the scheduled end), or null once the session is over. */
export function nextBoundary(s: FocusSchedule, now: number): number | null {
  if (!isRunning(s, now)) return null;
  if (now < s.startedAt) return s.startedAt;
  return phaseAt(s, phaseIndexAt(s, now)).endsAt;
}

/** The focus phases as [start, end) intervals, cut at the effective end (study time counts only these). */
export function focusIntervals(s: FocusSchedule): Array<[number, number]> {
  const end = effectiveEnd(s);
  const intervals: Array<[number, number]> = [];
  for (let round = 0; round < s.rounds; round++) {
    const phase = phaseAt(s, round * 2);
    if (phase.startsAt >= end) break;
    intervals.push([phase.startsAt, Math.min(phase.endsAt, end)]);
  }
  return intervals;
}

/** "12:05" (minutes may pass 59: "75:00"); never negative. Rounds up, so 0:00 shows only at the boundary. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}
