import { describe, expect, it } from "vitest";
import { ChatApiError, sendErrorOutcome, type SendErrorOutcome } from "@/lib/chat/client/chat-api";
import { createConversationStore } from "@/lib/chat/client/conversation-store";
import { initialConversation } from "@/lib/chat/client/message-store";
import { createSendQueue, offlineFailures } from "@/lib/chat/client/send-queue";
import type { ChatMessage } from "@/lib/chat/message-payload";

const author = { id: "u1", username: "alice", name: "Alice", avatarUrl: null };
const stored = (id: number, body: string): ChatMessage => ({
  id,
  roomId: "r1",
  body,
  html: `<p>${body}</p>`,
  createdAt: "2026-11-21T12:00:00.000Z",
  editedAt: null,
  author,
});

type Answer = ChatMessage | Error | Promise<ChatMessage>;

function setup(answer: (input: { body: string; clientKey: string }, attempt: number) => Answer) {
  const store = createConversationStore(initialConversation([], false));
  const posts: { body: string; clientKey: string }[] = [];
  const outcomes: SendErrorOutcome[] = [];
  let keys = 0;
  const queue = createSendQueue({
    post: async (input) => {
      posts.push(input);
      const result = await answer(input, posts.length);
      if (result instanceof Error) throw result;
      return result;
    },
    store,
    newKey: () => `key-${++keys}`,
    now: () => Date.parse("2026-11-21T12:00:00.000Z"),
  });
  queue.onError((outcome) => outcomes.push(outcome));
  return { store, queue, posts, outcomes };
}

const offline = () => new ChatApiError(0, "network", "Could not reach Roomful. Check your connection.");

describe("createSendQueue", () => {
  it("shows a bubble at once, sends in order, and puts the stored message in its place", async () => {
    let id = 0;
    const { store, queue, posts } = setup(({ body }) => stored(++id, body));
    queue.send("one");
    queue.send("two");
    expect(store.getState().pending.map((p) => [p.clientKey, p.body, p.status, p.createdAt])).toEqual([
      ["key-1", "one", "sending", "2026-11-21T12:00:00.000Z"],
      ["key-2", "two", "sending", "2026-11-21T12:00:00.000Z"],
    ]);
    await queue.idle();
    expect(posts).toEqual([
      { body: "one", clientKey: "key-1", replyTo: null },
      { body: "two", clientKey: "key-2", replyTo: null },
    ]);
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().entries.map((e) => e.id)).toEqual([1, 2]);
  });

  it("does not send what was discarded while it waited its turn", async () => {
    let release!: (m: ChatMessage) => void;
    const { store, queue, posts } = setup(() => new Promise<ChatMessage>((resolve) => (release = resolve)));
    queue.send("one");
    queue.send("two");
    queue.discard("key-2");
    await Promise.resolve();
    release(stored(1, "one"));
    await queue.idle();
    expect(posts.map((p) => p.body)).toEqual(["one"]);
    expect(store.getState().pending).toEqual([]);
  });

  it("marks a failure on the bubble, tells the page, and retries with the same key", async () => {
    const { store, queue, posts, outcomes } = setup(({ body }, attempt) =>
      attempt === 1 ? new ChatApiError(429, "rate_limited:message_post", "Slow down.", 7) : stored(1, body),
    );
    queue.send("hello");
    await queue.idle();
    expect(store.getState().pending[0]).toMatchObject({
      status: "failed",
      failure: { kind: "rate_limited", message: "Sent too fast." },
    });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.rateLimitedFor).toBe(7000);
    queue.retry("key-1");
    expect(store.getState().pending[0]?.status).toBe("sending");
    await queue.idle();
    expect(posts.map((p) => p.clientKey)).toEqual(["key-1", "key-1"]);
    expect(store.getState().pending).toEqual([]);
  });

  it("drops the bubble quietly when an earlier attempt was stored and deleted since", async () => {
    const { store, queue, outcomes } = setup(() => new ChatApiError(410, "gone:message", "Deleted."));
    queue.send("hello");
    await queue.idle();
    expect(store.getState().pending).toEqual([]);
    expect(outcomes).toEqual([]);
  });

  it("sends again, in order, only what failed for want of a connection", async () => {
    let online = false;
    let id = 0;
    const { store, queue, posts } = setup(({ body }) => {
      if (body === "refused") return new ChatApiError(400, "invalid:body", "No.");
      return online ? stored(++id, body) : offline();
    });
    queue.send("a");
    queue.send("refused");
    queue.send("b");
    await queue.idle();
    expect(offlineFailures(store.getState().pending).map((p) => p.body)).toEqual(["a", "b"]);
    online = true;
    queue.retryOffline();
    await queue.idle();
    expect(posts.slice(3).map((p) => p.body)).toEqual(["a", "b"]);
    expect(store.getState().pending.map((p) => [p.body, p.status])).toEqual([["refused", "failed"]]);
  });
});

describe("sendErrorOutcome", () => {
  it("maps each refusal to the bubble's words and what the page does", () => {
    expect(sendErrorOutcome(offline())).toMatchObject({
      failure: { kind: "network", message: "No connection. It will be sent when you reconnect." },
      composerError: null,
      refusal: null,
    });
    expect(sendErrorOutcome(new ChatApiError(429, "rate_limited:message_post", "Slow."))).toMatchObject({
      failure: { kind: "rate_limited" },
      rateLimitedFor: 10_000,
    });
    const session = "Your session has ended. Sign in again to post.";
    expect(sendErrorOutcome(new ChatApiError(401, "unauthorized", "x"))).toMatchObject({
      failure: { kind: "rejected", message: session },
      composerError: session,
    });
    expect(sendErrorOutcome(new ChatApiError(403, "forbidden:muted", "You are muted."))).toMatchObject({
      failure: { kind: "rejected", message: "You are muted." },
      composerError: null,
      refusal: { code: "forbidden:muted", message: "You are muted." },
    });
    expect(sendErrorOutcome(new ChatApiError(404, "not_found:room", "Gone."))).toMatchObject({
      composerError: "Gone.",
      roomGone: true,
    });
    expect(sendErrorOutcome(new ChatApiError(503, "http_503", "x")).failure.message).toBe(
      "The server had a problem. Try again.",
    );
    expect(sendErrorOutcome(new ChatApiError(400, "invalid:body", "Too long."))).toMatchObject({
      failure: { kind: "rejected", message: "Too long." },
      composerError: null,
      discard: false,
    });
    expect(sendErrorOutcome(new TypeError("boom")).failure.message).toBe("Something went wrong. Try again.");
  });
});
