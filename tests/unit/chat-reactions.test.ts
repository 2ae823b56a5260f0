// The browser's reaction state: a summary applied in place, added or removed; someone else's change keeps the
// viewer's own mark; the guess shown while a toggle travels; and the store keeping reactions across edits and pages.
import { describe, expect, it } from "vitest";
import { conversationReducer, initialConversation } from "@/lib/chat/client/message-store";
import { applyReaction, guessToggle, keepNames } from "@/lib/chat/client/reactions";
import type { ChatMessage, ReactionGroup } from "@/lib/chat/message-payload";
import { message } from "../support/chat-messages";

const ada = { name: "Ada", username: "ada" };
const bob = { name: "Bob", username: "bob" };
const me = { name: "Me", username: "me" };
const thumbs: ReactionGroup = { emoji: "👍️", count: 2, reactors: [ada, me], mine: true };
const heart: ReactionGroup = { emoji: "❤️", count: 1, reactors: [bob], mine: false };

describe("applyReaction", () => {
  it("updates a kind in place, keeping the viewer's mark when someone else changed it", () => {
    const next = applyReaction([thumbs, heart], { emoji: "👍️", count: 3, reactors: [ada, me, bob] });
    expect(next).toEqual([{ ...thumbs, count: 3, reactors: [ada, me, bob] }, heart]);
  });

  it("adds a new kind at the end and removes one at count 0", () => {
    expect(applyReaction([thumbs], { emoji: "🎉", count: 1, reactors: [bob] })).toEqual([
      thumbs,
      { emoji: "🎉", count: 1, reactors: [bob], mine: false },
    ]);
    expect(applyReaction([thumbs, heart], { emoji: "👍️", count: 0, reactors: [], mine: false })).toEqual([heart]);
  });
});

describe("keepNames", () => {
  it("keeps the names held for a kind whose count a page did not change, and drops them when it did", () => {
    const page = [
      { ...thumbs, reactors: [] },
      { ...heart, count: 2, reactors: [] },
    ];
    expect(keepNames(page, [thumbs, heart])).toEqual([thumbs, { ...heart, count: 2, reactors: [] }]);
    expect(keepNames(page, undefined)).toBe(page);
  });
});

describe("guessToggle", () => {
  it("adds the viewer once, at the end of the names while there is room", () => {
    expect(guessToggle([heart], "❤️", true, me, 10)).toEqual({
      emoji: "❤️",
      count: 2,
      reactors: [bob, me],
      mine: true,
    });
    expect(guessToggle([thumbs], "👍️", true, me, 10)).toMatchObject({ count: 2, mine: true });
    expect(guessToggle([], "🎉", true, me, 10)).toEqual({ emoji: "🎉", count: 1, reactors: [me], mine: true });
  });

  it("takes the viewer's reaction back, and guesses nothing for one they do not hold", () => {
    expect(guessToggle([thumbs], "👍️", false, me, 10)).toEqual({ emoji: "👍️", count: 1, reactors: [ada], mine: false });
    expect(guessToggle([heart], "❤️", false, me, 10)).toMatchObject({ count: 1, mine: false });
  });
});

describe("the conversation store", () => {
  const withReactions = (id: number, reactions: ReactionGroup[], extra: Partial<ChatMessage> = {}) =>
    message(id, { reactions, ...extra });

  it("applies a reaction to a held message and ignores one for a message it does not hold", () => {
    const state = initialConversation([withReactions(1, [heart])], false);
    const next = conversationReducer(state, {
      type: "reaction",
      messageId: 1,
      change: { emoji: "❤️", count: 2, reactors: [bob, me], mine: true },
    });
    expect((next.entries[0] as ChatMessage).reactions).toEqual([
      { emoji: "❤️", count: 2, reactors: [bob, me], mine: true },
    ]);
    const unknown = conversationReducer(next, { type: "reaction", messageId: 9, change: { ...heart, count: 5 } });
    expect(unknown).toBe(next);
  });

  it("keeps reactions when an edit without them arrives, and takes a page's newer ones", () => {
    const state = initialConversation([withReactions(1, [thumbs])], false);
    const edited = message(1, { body: "edited", html: "<p>edited</p>", editedAt: new Date().toISOString() });
    const afterEdit = conversationReducer(state, { type: "merge", entries: [edited] });
    expect(afterEdit.entries[0]).toMatchObject({ body: "edited", reactions: [thumbs] });
    const page = withReactions(1, [heart], { body: "edited", html: "<p>edited</p>", editedAt: edited.editedAt });
    const afterPage = conversationReducer(afterEdit, { type: "merge", entries: [page] });
    expect((afterPage.entries[0] as ChatMessage).reactions).toEqual([heart]);
  });
});
