// Replies' quotes in the browser's conversation state (lib/chat/client/reply-quotes.ts through the message store): an
// edit or a deletion of the original that reaches the page updates the quotes of the replies held, a reply arriving
// after its original's deletion reads "deleted", an original not held leaves the server's quote alone, nothing
// changes (no re-render) when nothing needs to; and the send queue carries the reply's id and shows the quote.
import { describe, expect, it } from "vitest";
import { createConversationStore } from "@/lib/chat/client/conversation-store";
import { conversationReducer, initialConversation } from "@/lib/chat/client/message-store";
import { createSendQueue } from "@/lib/chat/client/send-queue";
import type { ChatMessage, HistoryEntry } from "@/lib/chat/message-payload";
import { REPLY_EXCERPT_CHARS, replyQuoteOf } from "@/lib/chat/reply-quote";
import { message } from "../support/chat-messages";

const quoteOf = (original: ChatMessage) => replyQuoteOf(original);
const reply = (id: number, original: ChatMessage) => message(id, { replyTo: quoteOf(original) });
const replyTo = (entries: HistoryEntry[], id: number) => (entries.find((e) => e.id === id) as ChatMessage).replyTo;

describe("replyQuoteOf", () => {
  it("names the author and gives one line of plain text, cut with an ellipsis", () => {
    const long = message(1, {
      body: `**Hello** _there_,\n\n\`code\` and [a link](https://example.com) ${"x".repeat(200)}`,
    });
    const quote = replyQuoteOf(long);
    expect(quote).toMatchObject({ id: 1, authorName: "Alice", authorUsername: "alice", deleted: false });
    expect(quote.excerpt.startsWith("Hello there, code and a link xxx")).toBe(true);
    expect(Array.from(quote.excerpt)).toHaveLength(REPLY_EXCERPT_CHARS);
    expect(replyQuoteOf(message(2, { author: null }))).toMatchObject({
      authorName: "Anonymous User",
      authorUsername: null,
    });
    expect(replyQuoteOf({ id: 3, deleted: true })).toEqual({
      id: 3,
      authorName: "",
      authorUsername: null,
      excerpt: "",
      deleted: true,
    });
  });
});

describe("quotes follow their originals", () => {
  const original = message(1, { body: "the question" });
  const start = () => initialConversation([original, message(2), reply(3, original), reply(4, original)], false);

  it("an edit of the original (message:updated) updates every held reply's quote", () => {
    const edited = { ...original, body: "the *better* question", editedAt: "2026-11-21T12:05:00.000Z" };
    const state = conversationReducer(start(), { type: "merge", entries: [edited] });
    expect(replyTo(state.entries, 3)?.excerpt).toBe("the better question");
    expect(replyTo(state.entries, 4)?.excerpt).toBe("the better question");
    expect(replyTo(state.entries, 2)).toBeUndefined();
  });

  it("a deletion of the original (message:deleted) makes the quotes say deleted", () => {
    const state = conversationReducer(start(), { type: "deleted", id: 1 });
    expect(replyTo(state.entries, 3)).toEqual({
      id: 1,
      authorName: "",
      authorUsername: null,
      excerpt: "",
      deleted: true,
    });
    expect(replyTo(state.entries, 4)?.deleted).toBe(true);
  });

  it("a reply arriving after its original's deletion reached the page reads deleted", () => {
    const deleted = conversationReducer(start(), { type: "deleted", id: 1 });
    const stale = reply(5, original);
    const state = conversationReducer(deleted, { type: "created", id: 5, message: stale });
    expect(replyTo(state.entries, 5)?.deleted).toBe(true);
  });

  it("leaves the server's quote alone when the original is not held, and changes nothing for a duplicate", () => {
    const outside = message(100, { replyTo: { ...quoteOf(original), id: 50, excerpt: "from the server" } });
    const state = conversationReducer(start(), { type: "merge", entries: [outside] });
    expect(replyTo(state.entries, 100)?.excerpt).toBe("from the server");
    const again = conversationReducer(state, { type: "merge", entries: [original, reply(3, original)] });
    expect(again).toBe(state);
  });

  it("a fresher copy of a reply from the server (same edit time, another quote) is taken", () => {
    const state = start();
    const otherQuote = { ...(replyTo(state.entries, 3) as NonNullable<ChatMessage["replyTo"]>), id: 2, excerpt: "x" };
    const next = conversationReducer(state, { type: "merge", entries: [message(3, { replyTo: otherQuote })] });
    // Its original (2) is held: the quote is made from it.
    expect(replyTo(next.entries, 3)).toEqual(quoteOf(message(2)));
  });
});

describe("sending a reply", () => {
  it("posts the original's id, and the bubble shows the quote until the stored reply takes its place", async () => {
    const original = message(1, { body: "the question" });
    const store = createConversationStore(initialConversation([original], false));
    const posts: Array<{ replyTo: number | null }> = [];
    let release = () => undefined as void;
    const queue = createSendQueue({
      post: async (input) => {
        posts.push(input);
        await new Promise<void>((resolve) => (release = resolve));
        return reply(2, original);
      },
      store,
      newKey: () => "key-1",
      now: () => Date.parse("2026-11-21T12:00:00.000Z"),
    });
    queue.send("my answer", quoteOf(original));
    expect(store.getState().pending[0]?.replyTo).toEqual(quoteOf(original));
    await Promise.resolve();
    await Promise.resolve();
    release();
    await queue.idle();
    expect(posts.map((p) => p.replyTo)).toEqual([1]);
    expect(store.getState().pending).toEqual([]);
    expect(replyTo(store.getState().entries, 2)).toEqual(quoteOf(original));
  });
});
