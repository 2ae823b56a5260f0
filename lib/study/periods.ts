// The study log's calendar: ISO weeks from Monday 00:00 UTC and UTC days (members have no time zone), and the streak
// rule. Pure, tested with the study-time function (tests/unit/study-time.test.ts).
import type { Interval } from "./study-time";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A day counts towards a streak with at least this much study. */
export const STREAK_DAY_MIN_MS = 60 * 1000;

export function utcDayStart(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the ISO week holding `at`, and the next Monday. */
export function isoWeekOf(at: Date): Interval {
  const day = utcDayStart(at);
  // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  const start = day - sinceMonday * DAY_MS;
  return { start, end: start + 7 * DAY_MS };
}

/** Milliseconds of study per UTC day (keyed by the day's start), intervals cut at midnight. */
export function msPerDay(intervals: Interval[], into = new Map<number, number>()): Map<number, number> {
  for (const { start, end } of intervals) {
    for (let day = Math.floor(start / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
      const ms = Math.min(end, day + DAY_MS) - Math.max(start, day);
      if (ms > 0) into.set(day, (into.get(day) ?? 0) + ms);
    }
  }
  return into;
}

/**
 * Consecutive UTC days with at least a minute of study, ending today or yesterday (today may not have started yet).
 * `oldest` is the first day the caller read: a streak reaching it may go further back (`open`).
 */
export function streakOf(perDay: Map<number, number>, now: Date, oldest?: number): { days: number; open: boolean } {
  const counts = (day: number) => (perDay.get(day) ?? 0) >= STREAK_DAY_MIN_MS;
  let day = utcDayStart(now);
  if (!counts(day)) day -= DAY_MS;
  let days = 0;
  while (counts(day)) {
    days++;
    day -= DAY_MS;
  }
  return { days, open: days > 0 && oldest !== undefined && day < oldest };
}
