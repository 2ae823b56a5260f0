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
  ])("%i ms ago reads %s", (ms, text) => {
    expect(formatRelative(ago(ms), now)).toBe(text);
  });

  it("treats a time slightly ahead of the clock (skew) as now", () => {
    expect(formatRelative(new Date(now.getTime() + 5_000), now)).toBe("just now");
  });
});
