import { describe, expect, it } from "vitest";
import { formatRelative } from "@/components/relative-time";

const now = new Date("2026-11-21T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("formatRelative", () => {
  it.each([
    [0, "just now"],
    [59_000, "just now"],
    [60_000, "1 minute ago"],
    [5 * 60_000, "5 minutes ago"],
    [3 * 3_600_000, "3 hours ago"],
    [2 * 86_400_000, "2 days ago"],
    // Rounding up to a whole unit moves on to it.
    [59 * 60_000 + 40_000, "1 hour ago"],
    [23 * 3_600_000 + 40 * 60_000, "1 day ago"],
    [29 * 86_400_000 + 20 * 3_600_000, "1 month ago"],
    [100 * 86_400_000, "3 months ago"],
    [350 * 86_400_000, "1 year ago"],
    [3 * 365 * 86_400_000, "3 years ago"],
  ])("%i ms ago reads %s", (ms, text) => {
    expect(formatRelative(ago(ms), now)).toBe(text);
  });

  it("treats a time slightly ahead of the clock (skew) as now", () => {
    expect(formatRelative(new Date(now.getTime() + 5_000), now)).toBe("just now");
  });
});
