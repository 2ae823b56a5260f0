// Study time, the one definition (README, "Study log"): the length of (focus phases ∩ the member's stints ∩ their
// presence spans in the session's room), clamped to now and the session's effective end. Pure, so the profile, the
// room board and the tests share it; the records come from lib/db/study-log.ts, the phases from lib/focus/schedule.ts.
import {
  effectiveEnd as scheduleEffectiveEnd,
  focusIntervals,
  isRunning as scheduleRunning,
  scheduleOfStored,
} from "../focus/schedule";

/** A session's timer: the schedule is all there is to it (lib/focus). */
export interface StudySession {
  roomId: string;
  startedAt: Date;
  endedAt: Date | null;
  focusSeconds: number;
  breakSeconds: number;
  rounds: number;
}

/** A stint or a presence span: open (endedAt null) means it runs now. */
export interface OpenInterval {
  startedAt: Date;
  endedAt: Date | null;
}

export interface PresenceInterval extends OpenInterval {
  roomId: string;
}

/** Half-open [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** min(endedAt, scheduled end): a session stopped early ends when stopped. */
export const effectiveEnd = (session: StudySession): Date => new Date(scheduleEffectiveEnd(scheduleOfStored(session)));

export const isRunning = (session: StudySession, now: Date): boolean =>
  scheduleRunning(scheduleOfStored(session), now.getTime());

/** Sorted, overlapping and touching intervals merged, empty ones dropped. */
export function normalise(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out.at(-1);
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ ...next });
  }
  return out;
}

/** The intersection of two normalised lists. */
export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

export const totalMs = (intervals: Interval[]): number => intervals.reduce((sum, i) => sum + (i.end - i.start), 0);

/** The focus phases, cut at `until` (the effective end, or now). */
export function focusPhases(session: StudySession, until: number): Interval[] {
  return normalise(
    focusIntervals(scheduleOfStored(session)).map(([start, end]) => ({ start, end: Math.min(end, until) })),
  );
}

const toIntervals = (rows: OpenInterval[], now: number): Interval[] =>
  normalise(rows.map((r) => ({ start: r.startedAt.getTime(), end: r.endedAt?.getTime() ?? now })));

/**
 * When the member studied in one session: its focus phases ∩ their stints in it ∩ their presence in its room (spans in
 * other rooms are ignored), up to the session's effective end and `now`. Optionally cut to a window (a week, a day).
 */
export function studyIntervals({
  session,
  stints,
  spans,
  now,
  window,
}: {
  session: StudySession;
  stints: OpenInterval[];
  spans: PresenceInterval[];
  now: Date;
  window?: Interval;
}): Interval[] {
  const until = Math.min(effectiveEnd(session).getTime(), now.getTime());
  let result = intersect(
    intersect(focusPhases(session, until), toIntervals(stints, now.getTime())),
    toIntervals(
      spans.filter((s) => s.roomId === session.roomId),
      now.getTime(),
    ),
  );
  if (window) result = intersect(result, [window]);
  return result;
}

/** Study time in one session, in milliseconds (see studyIntervals). */
export function studyMs(input: Parameters<typeof studyIntervals>[0]): number {
  return totalMs(studyIntervals(input));
}
