// Typing indicators (lib/presence/typing.ts): the label, the sender's throttle, the receiver's
// expiry, and which client events are believed.
import { describe, expect, it } from "vitest";
import { REALTIME_LIMITS } from "@/lib/realtime/limits";
import {
  dropTyper,
  nextExpiryIn,
  NO_TYPERS,
  pruneTypers,
  recordTyper,
  resolveTyper,
  shouldSendTyping,
  TYPING_EXPIRY_MS,
  TYPING_THROTTLE_MS,
  typingLabel,
  typingNames,
} from "@/lib/presence/typing";

describe("typingLabel", () => {
  it.each([
    [[], ""],
    [["Alice"], "Alice is typing…"],
    [["Alice", "Bob"], "Alice and Bob are typing…"],
    [["Alice", "Bob", "Chen"], "Several people are typing…"],
    [["Alice", "Bob", "Chen", "Dana", "Eve"], "Several people are typing…"],
  ])("%j → %j", (names, label) => {
    expect(typingLabel(names)).toBe(label);
  });

  it("keeps names as they are (React escapes them when rendering)", () => {
    expect(typingLabel(["<b>Zoë</b>"])).toBe("<b>Zoë</b> is typing…");
  });
});

describe("the sender's throttle", () => {
  it("sends the first keystroke, then at most once per interval", () => {
    expect(shouldSendTyping(undefined, 1_000)).toBe(true);
    expect(shouldSendTyping(1_000, 1_000 + TYPING_THROTTLE_MS - 1)).toBe(false);
    expect(shouldSendTyping(1_000, 1_000 + TYPING_THROTTLE_MS)).toBe(true);
  });

  it("sends again when the clock went backwards rather than going silent", () => {
    expect(shouldSendTyping(10_000, 5_000)).toBe(true);
  });

  it("keeps a socket far below the realtime server's client-event limit, and a steady typer visible", () => {
    let sent = 0;
    let last: number | undefined;
    // A keystroke every 10 ms for 10 s.
    for (let t = 0; t < 10_000; t += 10) {
      if (shouldSendTyping(last, t)) {
        sent++;
        last = t;
      }
    }
    // Ten seconds of steady typing: one event a second.
    expect(sent).toBe(10);
    expect(1_000 / TYPING_THROTTLE_MS).toBeLessThan(REALTIME_LIMITS.maxClientEventsPerSecond);
    // Each event arrives before the previous one expires, with two seconds to spare for a late one.
    expect(TYPING_EXPIRY_MS - TYPING_THROTTLE_MS).toBeGreaterThanOrEqual(2_000);
  });
});

describe("the receiver's typers", () => {
  it("shows a typer until TYPING_EXPIRY_MS after their last event", () => {
    let typers = recordTyper(NO_TYPERS, { userId: "a", name: "Alice" }, 0);
    expect(nextExpiryIn(typers, 0)).toBe(TYPING_EXPIRY_MS);
    expect(pruneTypers(typers, TYPING_EXPIRY_MS - 1)).toBe(typers);
    typers = recordTyper(typers, { userId: "a", name: "Alice" }, 2_000);
    expect(typingNames(pruneTypers(typers, TYPING_EXPIRY_MS + 1), null)).toEqual(["Alice"]);
    expect(typingNames(pruneTypers(typers, 2_000 + TYPING_EXPIRY_MS), null)).toEqual([]);
  });

  it("expires each typer on their own clock and says when the next one goes", () => {
    let typers = recordTyper(NO_TYPERS, { userId: "a", name: "Alice" }, 0);
    typers = recordTyper(typers, { userId: "b", name: "Bob" }, 1_000);
    expect(nextExpiryIn(typers, 500)).toBe(TYPING_EXPIRY_MS - 500);
    const later = pruneTypers(typers, TYPING_EXPIRY_MS);
    expect(typingNames(later, null)).toEqual(["Bob"]);
    expect(nextExpiryIn(later, TYPING_EXPIRY_MS)).toBe(1_000);
    expect(nextExpiryIn(NO_TYPERS, 0)).toBeNull();
  });

  it("keeps the order in which people started typing, and one entry per person", () => {
    let typers = recordTyper(NO_TYPERS, { userId: "b", name: "Bob" }, 0);
    typers = recordTyper(typers, { userId: "a", name: "Alice" }, 100);
    typers = recordTyper(typers, { userId: "b", name: "Bob" }, 200);
    expect(typingNames(typers, null)).toEqual(["Bob", "Alice"]);
    expect(typingLabel(typingNames(typers, null))).toBe("Bob and Alice are typing…");
  });

  it("never shows the viewer", () => {
    const typers = recordTyper(
      recordTyper(NO_TYPERS, { userId: "me", name: "Me" }, 0),
      { userId: "a", name: "Alice" },
      0,
    );
    expect(typingNames(typers, "me")).toEqual(["Alice"]);
  });

  it("drops a typer at once (they sent a message or left), and leaves the set alone otherwise", () => {
    const typers = recordTyper(NO_TYPERS, { userId: "a", name: "Alice" }, 0);
    expect(typingNames(dropTyper(typers, "a"), null)).toEqual([]);
    expect(dropTyper(typers, "nobody")).toBe(typers);
    // Recording does not change the set it was given (React state).
    expect(typers.size).toBe(1);
  });
});

describe("which client events are believed", () => {
  const members: Record<string, string> = { a: "Alice", b: "Bob" };
  const memberName = (id: string) => members[id] ?? null;

  it("takes the id the realtime server stamped and the name presence knows", () => {
    expect(resolveTyper({ data: { userId: "a", name: "Alice" }, metadata: { user_id: "a" }, memberName })).toEqual({
      userId: "a",
      name: "Alice",
    });
    // A made-up name in the payload changes nothing.
    expect(resolveTyper({ data: { userId: "a", name: "The Admin" }, metadata: { user_id: "a" }, memberName })).toEqual({
      userId: "a",
      name: "Alice",
    });
  });

  it("refuses a payload claiming someone else than the stamped sender", () => {
    expect(resolveTyper({ data: { userId: "b", name: "Bob" }, metadata: { user_id: "a" }, memberName })).toBeNull();
  });

  it("falls back to the payload's id without a stamp, but only for a current member", () => {
    expect(resolveTyper({ data: { userId: "b", name: "Bob" }, metadata: {}, memberName })).toEqual({
      userId: "b",
      name: "Bob",
    });
    expect(resolveTyper({ data: { userId: "z", name: "Zed" }, metadata: undefined, memberName })).toBeNull();
    expect(resolveTyper({ data: { userId: "z", name: "Zed" }, metadata: { user_id: "z" }, memberName })).toBeNull();
  });

  it.each([
    ["nothing", undefined],
    ["a string", "typing"],
    ["no userId", { name: "Alice" }],
    ["a numeric userId", { userId: 1, name: "Alice" }],
    ["an empty userId", { userId: "", name: "Alice" }],
    ["a huge userId", { userId: "a".repeat(65), name: "Alice" }],
    ["a huge name", { userId: "a", name: "A".repeat(201) }],
  ])("ignores a payload with %s", (_what, data) => {
    expect(resolveTyper({ data, metadata: { user_id: "a" }, memberName })).toBeNull();
  });
});
