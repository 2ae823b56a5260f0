// isNewerChange (lib/chat/client/reactions.ts): a page applies a message's reaction changes in the order the server
// numbered them, whatever order they arrive in.
import { describe, expect, it } from "vitest";
import { isNewerChange } from "@/lib/chat/client/reactions";

describe("isNewerChange", () => {
  it("applies the first change and every later one, and drops one older than the latest applied", () => {
    const applied = new Map<string, number>();
    expect(isNewerChange(applied, 7, "👍", 10)).toBe(true);
    expect(isNewerChange(applied, 7, "👍", 12)).toBe(true);
    // Made before 12, arriving after it.
    expect(isNewerChange(applied, 7, "👍", 11)).toBe(false);
    // The same change twice (an event and the member's own answer).
    expect(isNewerChange(applied, 7, "👍", 12)).toBe(false);
    expect(isNewerChange(applied, 7, "👍", 13)).toBe(true);
  });

  it("keeps each message's emoji apart", () => {
    const applied = new Map<string, number>();
    expect(isNewerChange(applied, 7, "👍", 20)).toBe(true);
    expect(isNewerChange(applied, 7, "❤️", 5)).toBe(true);
    expect(isNewerChange(applied, 8, "👍", 5)).toBe(true);
    expect(isNewerChange(applied, 7, "👍", 19)).toBe(false);
  });
});
