import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/chat/message-payload";
import {
  conversationReducer,
  firstIdOf,
  initialConversation,
  lastIdOf,
  mergeEntries,
  newerEntry,
  visibleMessages,
  type ConversationState,
} from "@/lib/chat/client/message-store";
import { message } from "../support/chat-messages";

const tombstone = (id: number): HistoryEntry => ({ id, deleted: true });
const ids = (entries: HistoryEntry[]) => entries.map((e) => e.id);

describe("mergeEntries", () => {
  it("appends newer messages, sorts anything else by id and drops duplicates", () => {
    const start = [message(2), message(5)];
    expect(ids(mergeEntries(start, [message(6), message(7)]))).toEqual([2, 5, 6, 7]);
    expect(ids(mergeEntries(start, [message(9), message(1), message(5), message(3), message(3)]))).toEqual([
      1, 2, 3, 5, 9,
    ]);
    expect(ids(mergeEntries([], [message(4), message(2)]))).toEqual([2, 4]);
  });

  it("returns the same array when nothing changed (a duplicate event re-renders nothing)", () => {
    const start = [message(1), message(2)];
    expect(mergeEntries(start, [message(2)])).toBe(start);
    expect(mergeEntries(start, [])).toBe(start);
  });

  it("keeps a deletion final and never lets an older copy undo an edit", () => {
    const edited = message(3, { body: "new", html: "<p>new</p>", editedAt: "2026-11-21T12:05:00.000Z" });
    const stale = message(3);
    expect(newerEntry(edited, stale)).toBe(edited);
    expect(newerEntry(stale, edited)).toBe(edited);
    expect(newerEntry(tombstone(3), edited)).toEqual(tombstone(3));
    expect(newerEntry(edited, tombstone(3))).toEqual(tombstone(3));

    const merged = mergeEntries([message(1), edited], [stale, message(1)]);
    expect(merged[1]).toBe(edited);
    const later = message(3, { body: "newer", html: "<p>newer</p>", editedAt: "2026-11-21T12:06:00.000Z" });
    expect(mergeEntries([message(1), edited], [later])[1]).toBe(later);
  });
});

describe("conversationReducer", () => {
  const start = (): ConversationState => initialConversation([message(10), message(11)], true);

  it("takes a pending message to confirmed: the bubble goes, the stored message takes its id's place", () => {
    let state = conversationReducer(start(), {
      type: "queued",
      pending: { clientKey: "k1", body: "hi", createdAt: "2026-11-21T12:01:00.000Z", status: "sending" },
    });
    expect(state.pending).toHaveLength(1);
    // Someone else's message arrives live before the reply to ours.
    state = conversationReducer(state, { type: "merge", entries: [message(13)] });
    state = conversationReducer(state, { type: "confirmed", clientKey: "k1", message: message(12, { body: "hi" }) });
    expect(state.pending).toHaveLength(0);
    expect(ids(state.entries)).toEqual([10, 11, 12, 13]);
    // The same message again (an echo, or catch-up) changes nothing.
    expect(conversationReducer(state, { type: "merge", entries: [message(12, { body: "hi" })] })).toBe(state);
  });

  it("fails, retries and discards pending messages by their client key", () => {
    let state = conversationReducer(start(), {
      type: "queued",
      pending: { clientKey: "k1", body: "hi", createdAt: "2026-11-21T12:01:00.000Z", status: "sending" },
    });
    state = conversationReducer(state, {
      type: "failed",
      clientKey: "k1",
      failure: { kind: "rate_limited", message: "Sent too fast." },
    });
    expect(state.pending[0]).toMatchObject({ status: "failed", failure: { kind: "rate_limited" } });
    state = conversationReducer(state, { type: "sending", clientKey: "k1" });
    expect(state.pending[0]).toMatchObject({ status: "sending", failure: undefined });
    expect(
      conversationReducer(state, { type: "failed", clientKey: "other", failure: { kind: "network", message: "x" } }),
    ).toBe(state);
    state = conversationReducer(state, { type: "discarded", clientKey: "k1" });
    expect(state.pending).toEqual([]);
  });

  it("loads older pages in front and records whether more exist", () => {
    const state = conversationReducer(start(), { type: "older", entries: [message(8), tombstone(9)], hasOlder: false });
    expect(ids(state.entries)).toEqual([8, 9, 10, 11]);
    expect(state.hasOlder).toBe(false);
    expect(firstIdOf(state)).toBe(8);
    expect(lastIdOf(state)).toBe(11);
  });

  it("turns a deleted message into a tombstone that hides it but keeps its id for catch-up", () => {
    const state = conversationReducer(start(), { type: "deleted", id: 11 });
    expect(visibleMessages(state.entries).map((m) => m.id)).toEqual([10]);
    expect(lastIdOf(state)).toBe(11);
    // A late message:created for it does not bring it back.
    expect(
      visibleMessages(conversationReducer(state, { type: "merge", entries: [message(11)] }).entries).map((m) => m.id),
    ).toEqual([10]);
    expect(lastIdOf(initialConversation([], false))).toBeNull();
  });
});
