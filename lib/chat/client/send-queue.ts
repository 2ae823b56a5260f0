// The viewer's sends, one after another in the order they were written, each with an idempotency
// key so a retry never stores twice. A bubble shows each until the server confirms it; what failed
// for want of a connection goes out again by itself when the connection is back. No React: the
// post, the store and the clock come in, so tests drive it with fakes.
import type { ChatMessage, ReplyQuote } from "../message-payload";
import { sendErrorOutcome, type SendErrorOutcome } from "./chat-api";
import type { ConversationStore } from "./conversation-store";
import type { PendingMessage } from "./message-store";

export interface SendQueueDeps {
  post: (input: { body: string; clientKey: string; replyTo: number | null; question?: true }) => Promise<ChatMessage>;
  store: Pick<ConversationStore, "getState" | "dispatch">;
  newKey: () => string;
  now: () => number;
}

export interface SendQueue {
  /** Sends a message; `replyTo`, the quote of the message it replies to; `question`: asked with "Ask". */
  send(body: string, replyTo?: ReplyQuote | null, options?: { question?: boolean }): void;
  /** Sends a failed message again, with the same key. */
  retry(clientKey: string): void;
  discard(clientKey: string): void;
  /** Back online: sends again, in order, what failed for want of a connection. */
  retryOffline(): void;
  /** Settles when every send asked for so far has finished. */
  idle(): Promise<void>;
  /** Hears each failed send the page must act on (not a discard); the bubble shows it already. */
  onError(listener: (outcome: SendErrorOutcome) => void): () => void;
}

/** The failed sends that go out again by themselves once the connection is back. */
export const offlineFailures = (pending: PendingMessage[]): PendingMessage[] =>
  pending.filter((item) => item.status === "failed" && item.failure?.kind === "network");

export function createSendQueue({ post, store, newKey, now }: SendQueueDeps): SendQueue {
  let queue: Promise<void> = Promise.resolve();
  const errorListeners = new Set<(outcome: SendErrorOutcome) => void>();
  const isPending = (clientKey: string) => store.getState().pending.some((p) => p.clientKey === clientKey);

  const attempt = ({ clientKey, body, replyTo, question }: PendingMessage) => {
    queue = queue.then(async () => {
      // Discarded while it waited its turn.
      if (!isPending(clientKey)) return;
      store.dispatch({ type: "sending", clientKey });
      try {
        const message = await post({
          body,
          clientKey,
          replyTo: replyTo?.id ?? null,
          ...(question ? { question: true as const } : {}),
        });
        store.dispatch({ type: "confirmed", clientKey, message });
      } catch (error) {
        const outcome = sendErrorOutcome(error);
        if (outcome.discard) {
          store.dispatch({ type: "discarded", clientKey });
          return;
        }
        errorListeners.forEach((listener) => listener(outcome));
        store.dispatch({ type: "failed", clientKey, failure: outcome.failure });
      }
    });
  };

  const resend = (item: PendingMessage) => {
    store.dispatch({ type: "sending", clientKey: item.clientKey });
    attempt(item);
  };

  return {
    send(body, replyTo = null, options = {}) {
      const pending: PendingMessage = {
        clientKey: newKey(),
        body,
        createdAt: new Date(now()).toISOString(),
        replyTo,
        ...(options.question ? { question: true } : {}),
        status: "sending",
      };
      store.dispatch({ type: "queued", pending });
      attempt(pending);
    },
    retry(clientKey) {
      const item = store.getState().pending.find((p) => p.clientKey === clientKey);
      if (item && item.status !== "sending") resend(item);
    },
    discard(clientKey) {
      store.dispatch({ type: "discarded", clientKey });
    },
    retryOffline() {
      for (const item of offlineFailures(store.getState().pending)) resend(item);
    },
    idle: () => queue,
    onError(listener) {
      errorListeners.add(listener);
      return () => {
        errorListeners.delete(listener);
      };
    },
  };
}
