// The phase math of focus sessions (lib/focus/schedule.ts): phases, boundaries, the scheduled and effective end, the
// focus intervals study time is made of, and the countdown's wording.
import { describe, expect, it } from "vitest";
import {
  effectiveEnd,
  focusIntervals,
  formatCountdown,
  isRunning,
  momentAt,
  nextBoundary,
  phaseCount,
  phaseIndexAt,
  scheduledEnd,
} from "@/lib/focus/schedule";

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const MIN = 60_000;
// 25/5 × 4: focus 0–25, break 25–30, focus 30–55, break 55–60, focus 60–85, break 85–90, focus 90–115.
const pomodoro = { startedAt: T0, focusSeconds: 25 * 60, breakSeconds: 5 * 60, rounds: 4, endedAt: null };

describe("focus schedule", () => {
  it("has a break after every focus but the last, and ends after the last focus", () => {
    expect(phaseCount(pomodoro)).toBe(7);
    expect(scheduledEnd(pomodoro)).toBe(T0 + 115 * MIN);
    expect(phaseCount({ rounds: 1 })).toBe(1);
    expect(scheduledEnd({ ...pomodoro, rounds: 1 })).toBe(T0 + 25 * MIN);
  });

  it("names the phase at each time, with the time left in it", () => {
    expect(momentAt(pomodoro, T0)).toMatchObject({ kind: "focus", index: 0, round: 0, remainingMs: 25 * MIN });
    expect(momentAt(pomodoro, T0 + 25 * MIN - 1)).toMatchObject({ kind: "focus", index: 0, remainingMs: 1 });
    expect(momentAt(pomodoro, T0 + 25 * MIN)).toMatchObject({
      kind: "break",
      index: 1,
      round: 0,
      remainingMs: 5 * MIN,
    });
    expect(momentAt(pomodoro, T0 + 31 * MIN)).toMatchObject({ kind: "focus", index: 2, round: 1 });
    expect(momentAt(pomodoro, T0 + 114 * MIN)).toMatchObject({ kind: "focus", index: 6, round: 3, remainingMs: MIN });
    expect(momentAt(pomodoro, T0 + 115 * MIN)).toEqual({ kind: "ended", at: T0 + 115 * MIN });
    expect(momentAt(pomodoro, T0 - 500)).toEqual({ kind: "pending" });
  });

  it("clamps the phase index to the schedule", () => {
    expect(phaseIndexAt(pomodoro, T0 - MIN)).toBe(0);
    expect(phaseIndexAt(pomodoro, T0 + 500 * MIN)).toBe(6);
  });

  it("ends at the stop when stopped early, and is no longer running", () => {
    const stopped = { ...pomodoro, endedAt: T0 + 40 * MIN };
    expect(effectiveEnd(stopped)).toBe(T0 + 40 * MIN);
    expect(isRunning(stopped, T0 + 10 * MIN)).toBe(false);
    expect(momentAt(stopped, T0 + 41 * MIN)).toEqual({ kind: "ended", at: T0 + 40 * MIN });
    expect(isRunning(pomodoro, T0 + 114 * MIN)).toBe(true);
    expect(isRunning(pomodoro, T0 + 115 * MIN)).toBe(false);
    // An endedAt past the schedule (set late) still ends at the schedule.
    expect(effectiveEnd({ ...pomodoro, endedAt: T0 + 200 * MIN })).toBe(T0 + 115 * MIN);
  });

  it("gives the next boundary: the end of the running phase, then nothing", () => {
    expect(nextBoundary(pomodoro, T0 + MIN)).toBe(T0 + 25 * MIN);
    expect(nextBoundary(pomodoro, T0 + 25 * MIN)).toBe(T0 + 30 * MIN);
    expect(nextBoundary(pomodoro, T0 + 100 * MIN)).toBe(T0 + 115 * MIN);
    expect(nextBoundary(pomodoro, T0 + 115 * MIN)).toBeNull();
    expect(nextBoundary(pomodoro, T0 - MIN)).toBe(T0);
  });

  it("lists the focus phases, cut at the effective end", () => {
    expect(focusIntervals({ ...pomodoro, rounds: 2 })).toEqual([
      [T0, T0 + 25 * MIN],
      [T0 + 30 * MIN, T0 + 55 * MIN],
    ]);
    expect(focusIntervals({ ...pomodoro, endedAt: T0 + 40 * MIN })).toEqual([
      [T0, T0 + 25 * MIN],
      [T0 + 30 * MIN, T0 + 40 * MIN],
    ]);
    expect(focusIntervals({ ...pomodoro, endedAt: T0 + 27 * MIN })).toEqual([[T0, T0 + 25 * MIN]]);
  });

  it("formats the countdown as mm:ss, rounding up", () => {
    expect(formatCountdown(25 * MIN)).toBe("25:00");
    expect(formatCountdown(61_001)).toBe("01:02");
    expect(formatCountdown(999)).toBe("00:01");
    expect(formatCountdown(0)).toBe("00:00");
    expect(formatCountdown(-5)).toBe("00:00");
    expect(formatCountdown(75 * MIN)).toBe("75:00");
  });
});
