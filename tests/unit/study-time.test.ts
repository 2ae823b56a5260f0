// Study time from the schedule, stints and presence spans (lib/study/study-time.ts) and the study log's calendar
// (lib/study/periods.ts): joins, leaves, rejoins, reconnects (presence gaps), breaks, early stops, open records
// clamped to now, overlapping spans, other rooms, ISO weeks and streaks, all in UTC.
import { describe, expect, it } from "vitest";
import { formatGoalsMet, formatStreak, formatStudyTime } from "@/lib/study/format";
import { isoWeekOf, msPerDay, streakOf, DAY_MS } from "@/lib/study/periods";
import {
  effectiveEnd,
  isRunning,
  studyIntervals,
  studyMs,
  type OpenInterval,
  type PresenceInterval,
  type StudySession,
} from "@/lib/study/study-time";

const T0 = Date.parse("2026-12-07T10:00:00Z"); // a Monday
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN);
const ROOM = "room-a";

/** 25 min focus, 5 min break, 4 rounds: focus at [0,25) [30,55) [60,85) [90,115); scheduled end 115. */
const session = (over: Partial<StudySession> = {}): StudySession => ({
  roomId: ROOM,
  startedAt: at(0),
  endedAt: null,
  focusSeconds: 25 * 60,
  breakSeconds: 5 * 60,
  rounds: 4,
  ...over,
});
const stint = (from: number, to: number | null): OpenInterval => ({
  startedAt: at(from),
  endedAt: to === null ? null : at(to),
});
const span = (from: number, to: number | null, roomId = ROOM): PresenceInterval => ({ ...stint(from, to), roomId });
const minutes = (input: Parameters<typeof studyMs>[0]) => studyMs(input) / MIN;
const LATER = at(24 * 60);

describe("the schedule", () => {
  it("ends after every focus phase and the breaks between them", () => {
    expect(effectiveEnd(session())).toEqual(at(115));
    expect(effectiveEnd(session({ endedAt: at(40) }))).toEqual(at(40));
    expect(effectiveEnd(session({ endedAt: at(200) }))).toEqual(at(115));
    expect(isRunning(session(), at(114))).toBe(true);
    expect(isRunning(session(), at(115))).toBe(false);
    expect(isRunning(session({ endedAt: at(10) }), at(5))).toBe(false);
  });

  it("a single round has no break", () => {
    expect(effectiveEnd(session({ rounds: 1 }))).toEqual(at(25));
  });
});

describe("study time", () => {
  it("counts every focus phase, never a break, for a member joined and present throughout", () => {
    expect(minutes({ session: session(), stints: [stint(0, 115)], spans: [span(-5, null)], now: LATER })).toBe(100);
  });

  it("counts nothing without a stint, or without presence", () => {
    expect(minutes({ session: session(), stints: [], spans: [span(0, null)], now: LATER })).toBe(0);
    expect(minutes({ session: session(), stints: [stint(0, 115)], spans: [], now: LATER })).toBe(0);
  });

  it("counts from joining to leaving, and again after a rejoin", () => {
    // Joined 10–40 (15 of phase 1, 10 of phase 2), left, rejoined 80–100 (5 of phase 3, 10 of phase 4).
    const stints = [stint(10, 40), stint(80, 100)];
    expect(minutes({ session: session(), stints, spans: [span(0, 115)], now: LATER })).toBe(40);
  });

  it("a reconnect is a presence gap: the time away does not count", () => {
    const spans = [span(0, 12), span(14, 70), span(75, null)];
    // 100 minutes of focus less 2 (12–14) and 5 (70–75).
    expect(minutes({ session: session(), stints: [stint(0, null)], spans, now: LATER })).toBe(93);
  });

  it("a gap during a break costs nothing", () => {
    const spans = [span(0, 26), span(29, null)];
    expect(minutes({ session: session(), stints: [stint(0, null)], spans, now: LATER })).toBe(100);
  });

  it("stops at a session stopped early, even with the stint and span left open", () => {
    const stopped = session({ endedAt: at(40) });
    expect(minutes({ session: stopped, stints: [stint(0, null)], spans: [span(0, null)], now: LATER })).toBe(35);
  });

  it("clamps open stints and spans to now while the session runs", () => {
    expect(minutes({ session: session(), stints: [stint(0, null)], spans: [span(0, null)], now: at(33) })).toBe(28);
    // Records that claim the future (clock skew) count only up to now.
    expect(minutes({ session: session(), stints: [stint(0, 200)], spans: [span(0, 200)], now: at(10) })).toBe(10);
  });

  it("clamps to the scheduled end when nobody closed the records", () => {
    expect(minutes({ session: session(), stints: [stint(0, null)], spans: [span(0, null)], now: at(500) })).toBe(100);
  });

  it("counts overlapping spans and stints once", () => {
    const spans = [span(0, 50), span(20, 60), span(55, 115), span(55, 115)];
    const stints = [stint(0, 30), stint(20, 115)];
    expect(minutes({ session: session(), stints, spans, now: LATER })).toBe(100);
  });

  it("ignores presence in another room", () => {
    const spans = [span(0, 115, "room-b"), span(60, 85)];
    expect(minutes({ session: session(), stints: [stint(0, 115)], spans, now: LATER })).toBe(25);
  });

  it("counts zero-length and inverted records as nothing", () => {
    const stints = [stint(10, 10), stint(50, 40)];
    expect(minutes({ session: session(), stints, spans: [span(0, null)], now: LATER })).toBe(0);
    expect(
      minutes({ session: session({ endedAt: at(0) }), stints: [stint(0, null)], spans: [span(0, null)], now: LATER }),
    ).toBe(0);
  });

  it("counts nothing before the session started", () => {
    expect(minutes({ session: session(), stints: [stint(-30, 5)], spans: [span(-30, null)], now: LATER })).toBe(5);
  });

  it("cuts to a window, e.g. the week a session straddles", () => {
    const window = { start: at(60).getTime(), end: at(1000).getTime() };
    const input = { session: session(), stints: [stint(0, 115)], spans: [span(0, 115)], now: LATER, window };
    expect(studyMs(input) / MIN).toBe(50);
    expect(studyIntervals(input)).toEqual([
      { start: at(60).getTime(), end: at(85).getTime() },
      { start: at(90).getTime(), end: at(115).getTime() },
    ]);
  });

  it("counts seconds exactly, without rounding", () => {
    const short = session({ focusSeconds: 90, breakSeconds: 30, rounds: 2 });
    const stints = [{ startedAt: new Date(T0 + 1500), endedAt: null }];
    expect(studyMs({ session: short, stints, spans: [span(0, null)], now: LATER })).toBe(180_000 - 1500);
  });
});

describe("weeks and days (UTC)", () => {
  it("weeks start on Monday 00:00 UTC", () => {
    const week = isoWeekOf(new Date("2026-12-13T23:59:59Z")); // a Sunday
    expect(new Date(week.start).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(new Date(week.end).toISOString()).toBe("2026-12-14T00:00:00.000Z");
    expect(new Date(isoWeekOf(new Date("2026-12-14T00:00:00Z")).start).toISOString()).toBe("2026-12-14T00:00:00.000Z");
  });

  it("splits study across midnight UTC, whatever the season (no DST)", () => {
    const start = Date.parse("2026-03-29T23:30:00Z"); // Europe's clocks change that night; UTC does not.
    const days = msPerDay([{ start, end: start + 60 * MIN }]);
    expect([...days.entries()]).toEqual([
      [Date.parse("2026-03-29T00:00:00Z"), 30 * MIN],
      [Date.parse("2026-03-30T00:00:00Z"), 30 * MIN],
    ]);
  });
});

describe("streaks", () => {
  const today = Date.parse("2026-12-10T00:00:00Z");
  const now = new Date(today + 15 * 60 * MIN);
  const days = (...offsets: Array<[number, number]>) =>
    new Map(offsets.map(([offset, mins]) => [today + offset * DAY_MS, mins * MIN]));

  it("counts consecutive days ending today", () => {
    expect(streakOf(days([0, 5], [-1, 30], [-2, 1], [-4, 60]), now)).toEqual({ days: 3, open: false });
  });

  it("still counts a streak ending yesterday (today has not started)", () => {
    expect(streakOf(days([-1, 30], [-2, 30]), now).days).toBe(2);
  });

  it("is broken by a day off before yesterday, and needs a whole minute a day", () => {
    expect(streakOf(days([-2, 30], [-3, 30]), now).days).toBe(0);
    expect(streakOf(days([0, 0.5], [-1, 0.9]), now).days).toBe(0);
  });

  it("says when the streak reaches the oldest day read (the caller reads further back)", () => {
    expect(streakOf(days([0, 5], [-1, 5]), now, today - DAY_MS)).toEqual({ days: 2, open: true });
    expect(streakOf(days([0, 5]), now, today - DAY_MS)).toEqual({ days: 1, open: false });
  });
});

describe("how study time reads", () => {
  it.each([
    [0, "0 min"],
    [59_999, "0 min"],
    [45 * MIN, "45 min"],
    [60 * MIN, "1 h"],
    [200 * MIN + 30_000, "3 h 20 min"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatStudyTime(ms)).toBe(text);
  });

  it("words streaks and goals", () => {
    expect(formatStreak(4)).toBe("4-day streak");
    expect(formatStreak(0)).toBe("No streak");
    expect(formatGoalsMet(5, 7)).toBe("5 of 7 goals met this week");
    expect(formatGoalsMet(0, 1)).toBe("0 of 1 goal met this week");
    expect(formatGoalsMet(0, 0)).toBe("No goals set this week");
  });
});
