// Holding messages until the break (lib/focus/hold.ts): other people's messages after the hold began wait and are
// counted, the viewer's own always show, older ones stay, and no hold shows everything.
import { describe, expect, it } from "vitest";
import { heldEntries } from "@/lib/focus/hold";
import { message } from "../support/chat-messages";

const me = { id: "u2", username: "bob", name: "Bob", avatarUrl: null };
const entries = [message(1), message(2), message(3, { author: me }), message(4), { id: 5, deleted: true as const }];

describe("held messages", () => {
  it("holds other people's messages after the hold began, counting them; own messages show", () => {
    const held = heldEntries(entries, 1, "u2");
    expect(held.entries.map((e) => e.id)).toEqual([1, 3]);
    expect(held.waiting).toBe(2);
    // Read up to the last before the first that waits (2), not past it to the viewer's own 3.
    expect(held.readTo).toBe(1);
  });

  it("reads past shown and deleted entries up to the first that waits, and to the newest when none waits", () => {
    expect(heldEntries(entries, 2, "u2").readTo).toBe(3);
    expect(heldEntries([...entries.slice(0, 3), { id: 4, deleted: true as const }], 1, "u2")).toMatchObject({
      waiting: 1,
      readTo: 1,
    });
    expect(heldEntries(entries, 5, "u2").readTo).toBe(5);
    expect(heldEntries([], 0, "u2").readTo).toBeNull();
  });

  it("shows everything without a hold, and nothing waits once shown up to the last id", () => {
    expect(heldEntries(entries, null, "u2")).toEqual({ entries, waiting: 0, readTo: 5 });
    expect(heldEntries(entries, 5, "u2").waiting).toBe(0);
  });

  it("holds everyone's messages for a viewer with no id", () => {
    expect(heldEntries(entries, 0, null).waiting).toBe(4);
  });
});
