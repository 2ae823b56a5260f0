import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/chat/message-payload";
import { buildTimeline, dayKeyOf, dayLabel, GROUP_GAP_MS } from "@/lib/chat/client/timeline";

const alice = { id: "a", username: "alice", name: "Alice", avatarUrl: null };
const bob = { id: "b", username: "bob", name: "Bob", avatarUrl: null };

let nextId = 1;
function message(at: string, author: ChatMessage["author"]): ChatMessage {
  const id = nextId++;
  return { id, roomId: "r", body: `m${id}`, html: `<p>m${id}</p>`, createdAt: at, editedAt: null, author };
}

// Saturday 21 November 2026, 12:00 UTC.
const now = Date.parse("2026-11-21T12:00:00Z");

describe("dayLabel", () => {
  it("says Today, Yesterday, then weekday, day and month (with the year when it is not this year)", () => {
    expect(dayLabel("2026-11-21", now, "UTC")).toBe("Today");
    expect(dayLabel("2026-11-20", now, "UTC")).toBe("Yesterday");
    expect(dayLabel("2026-11-16", now, "UTC")).toBe("Monday, 16 November");
    expect(dayLabel("2025-12-31", now, "UTC")).toBe("Wednesday, 31 December 2025");
  });

  it("handles month and year boundaries for Yesterday", () => {
    expect(dayLabel("2026-02-28", Date.parse("2026-03-01T08:00:00Z"), "UTC")).toBe("Yesterday");
    expect(dayLabel("2025-12-31", Date.parse("2026-01-01T08:00:00Z"), "UTC")).toBe("Yesterday");
  });

  it("draws day boundaries in the given time zone", () => {
    const lateEvening = Date.parse("2026-11-20T23:30:00Z");
    expect(dayKeyOf(lateEvening, "UTC")).toBe("2026-11-20");
    expect(dayKeyOf(lateEvening, "Europe/Berlin")).toBe("2026-11-21");
    expect(dayKeyOf(lateEvening, "America/New_York")).toBe("2026-11-20");
  });
});

describe("buildTimeline", () => {
  it("groups one author's messages in a row and breaks on another author, a 5-minute pause or a new day", () => {
    const messages = [
      message("2026-11-20T10:00:00Z", alice),
      message("2026-11-20T10:04:00Z", alice), // same group (4 min)
      message("2026-11-20T10:05:00Z", bob), // other author
      message("2026-11-20T10:06:00Z", alice),
      message("2026-11-20T10:11:30Z", alice), // 5.5 minutes later: a new group
      message("2026-11-20T23:59:00Z", alice),
      message("2026-11-21T00:01:00Z", alice), // a new day, two minutes later
      message("2026-11-21T00:02:00Z", null), // deleted accounts never group
      message("2026-11-21T00:02:30Z", null),
    ];
    const rows = buildTimeline({ messages, now, timeZone: "UTC" });
    expect(
      rows.map((r) =>
        r.kind === "day" ? r.label : r.kind === "message" ? (r.groupStart ? "start" : "cont") : "pending",
      ),
    ).toEqual(["Yesterday", "start", "cont", "start", "start", "start", "start", "Today", "start", "start", "start"]);
    expect(GROUP_GAP_MS).toBe(300_000);
  });

  it("puts pending messages after the stored ones, grouped with the viewer's last message", () => {
    const messages = [message("2026-11-21T11:58:00Z", alice)];
    const pending = [
      { clientKey: "k1", body: "one", createdAt: "2026-11-21T11:59:00Z", status: "sending" as const },
      { clientKey: "k2", body: "two", createdAt: "2026-11-21T11:59:30Z", status: "failed" as const },
    ];
    const rows = buildTimeline({ messages, pending, viewer: alice, now, timeZone: "UTC" });
    expect(rows.map((r) => [r.kind, "groupStart" in r ? r.groupStart : null])).toEqual([
      ["day", null],
      ["message", true],
      ["pending", false],
      ["pending", false],
    ]);
    expect(rows.map((r) => r.key)).toEqual([`day-2026-11-21`, `m-${messages[0]?.id}`, "p-k1", "p-k2"]);
  });

  it("gives every row a unique key even when clocks bring a day back", () => {
    const messages = [
      message("2026-11-21T00:00:10Z", alice),
      message("2026-11-20T23:59:59Z", bob),
      message("2026-11-21T00:00:20Z", alice),
    ];
    const keys = buildTimeline({ messages, now, timeZone: "UTC" }).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
