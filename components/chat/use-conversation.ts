"use client";
// A room's conversation in the browser: the server-rendered messages, then everything live.
// Subscribe first, then load, then merge by id: the room's channel is joined and, each time the
// subscription succeeds (first time and after every reconnect), messages after the last id held
// are fetched until none are left. Signed-out visitors have no channel; they poll the same way
// while the tab is visible. Sends go one at a time, each with an idempotency key, so a retry never
// stores twice and messages are stored in the order they were written.
import type { PresenceChannel } from "pusher-js";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useConnectionStatus } from "@/components/realtime/realtime-provider";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import {
  ChatApiError,
  deleteMessage,
  fetchHistory,
  newClientKey,
  patchMessage,
  postMessage,
} from "@/lib/chat/client/chat-api";
import {
  conversationReducer,
  firstIdOf,
  initialConversation,
  lastIdOf,
  type SendFailure,
} from "@/lib/chat/client/message-store";
import {
  messageDeletedSchema,
  messageEventSchema,
  ROOM_EVENTS,
  roomDeletedSchema,
  roomUpdatedSchema,
  type RoomUpdatedEvent,
} from "@/lib/realtime/event-schemas";
import type { HistoryEntry } from "@/lib/chat/message-payload";

/** How often signed-out visitors (no live channel) ask for new messages while the tab is visible. */
export const POLL_INTERVAL_MS = 5_000;
const CATCH_UP_PAGE = 100;
const OLDER_PAGE = 50;
/**
 * How far back a check for edits and deletions reaches before the last one: a change stamped just
 * before a read but committed after it, or by an app server whose clock runs a little behind,
 * is still found. Seeing a change twice is harmless (merging is by id and edit time).
 */
const CHANGES_MARGIN_MS = 60_000;

export interface UseConversationOptions {
  slug: string;
  roomId: string;
  initialEntries: HistoryEntry[];
  initialHasOlder: boolean;
  /** When the server read `initialEntries` (its clock, ms): changes after it are caught up on. */
  initialReadAt: number;
  onRoomUpdated?: (event: RoomUpdatedEvent) => void;
  onRoomDeleted?: () => void;
  /**
   * A send was refused with a 403 (the room was locked, or the member muted or banned, while the
   * page was open): the page stops offering the composer and says `message`, the API's words.
   */
  onPostingRefused?: (refusal: { code: string; message: string }) => void;
}

const isRoomGone = (error: unknown) => error instanceof ChatApiError && error.code === "not_found:room";

/** What went wrong with a send, for the bubble; plus whether the composer should say it too. */
function failureOf(error: unknown): { failure: SendFailure; composerError: string | null } {
  if (!(error instanceof ChatApiError)) {
    return { failure: { kind: "rejected", message: "Something went wrong. Try again." }, composerError: null };
  }
  if (error.isNetwork) {
    return {
      failure: { kind: "network", message: "No connection. It will be sent when you reconnect." },
      composerError: null,
    };
  }
  if (error.status === 429)
    return { failure: { kind: "rate_limited", message: "Sent too fast." }, composerError: null };
  if (error.status === 401) {
    const message = "Your session has ended. Sign in again to post.";
    return { failure: { kind: "rejected", message }, composerError: message };
  }
  // 403s are said in place of the composer (onPostingRefused), not above it.
  if (error.status === 403) return { failure: { kind: "rejected", message: error.message }, composerError: null };
  if (error.status === 404)
    return { failure: { kind: "rejected", message: error.message }, composerError: error.message };
  if (error.status >= 500)
    return { failure: { kind: "rejected", message: "The server had a problem. Try again." }, composerError: null };
  return { failure: { kind: "rejected", message: error.message }, composerError: null };
}

export function useConversation({
  slug,
  roomId,
  initialEntries,
  initialHasOlder,
  initialReadAt,
  onRoomUpdated,
  onRoomDeleted,
  onPostingRefused,
}: UseConversationOptions) {
  const [state, dispatch] = useReducer(conversationReducer, undefined, () =>
    initialConversation(initialEntries, initialHasOlder),
  );
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const [rateLimitedUntil, setRateLimitedUntil] = useState<number | null>(null);
  const [composerError, setComposerError] = useState<string | null>(null);
  const status = useConnectionStatus();

  // A refresh of the page (router.refresh after join/leave) brings newer server-rendered
  // messages: merge them in, never replace (the client may hold newer ones).
  const [seenInitial, setSeenInitial] = useState(initialEntries);
  if (seenInitial !== initialEntries) {
    setSeenInitial(initialEntries);
    dispatch({ type: "merge", entries: initialEntries });
  }

  // The latest values for callbacks that outlive a render (fetches, channel events, the queue).
  const latest = useRef({ state, onRoomUpdated, onRoomDeleted, onPostingRefused });
  useEffect(() => {
    latest.current = { state, onRoomUpdated, onRoomDeleted, onPostingRefused };
  });

  const roomGone = useCallback(() => latest.current.onRoomDeleted?.(), []);

  // Catch-up: everything after the newest id held, page by page. One run at a time; a request
  // for another while one runs makes it go round once more. With `changes` (each time the live
  // channel subscribes, so after every reconnect) also the held messages edited or deleted since
  // the last such check: their events may have been lost, and ids do not move when they change.
  const catchUpRun = useRef<Promise<void> | null>(null);
  const catchUpAgain = useRef(false);
  const checkChanges = useRef(false);
  const changesCheckedAt = useRef(initialReadAt);
  const catchUp = useCallback(
    ({ changes = false }: { changes?: boolean } = {}): Promise<void> => {
      if (changes) checkChanges.current = true;
      if (catchUpRun.current) {
        catchUpAgain.current = true;
        return catchUpRun.current;
      }
      /**
       * Merges every page after `after` (with `changedSince`, only the messages changed since),
       * up to a cap. The first page's read time when it got to the end; null at the cap.
       */
      const mergePagesAfter = async (after: number, changedSince?: string): Promise<number | null> => {
        let readAt: number | null = null;
        for (let pages = 0; pages < 50; pages++) {
          const page = await fetchHistory(slug, { after, changedSince }, CATCH_UP_PAGE);
          readAt ??= Date.parse(page.at);
          dispatch({ type: "merge", entries: page.messages });
          after = page.messages.at(-1)?.id ?? after;
          if (!page.hasMore) return readAt;
        }
        return null;
      };
      const run = async () => {
        do {
          catchUpAgain.current = false;
          const last = lastIdOf(latest.current.state);
          if (last === null) {
            // Nothing held yet (an empty room when the page was made): the latest page.
            const page = await fetchHistory(slug, {}, OLDER_PAGE);
            dispatch({ type: "older", entries: page.messages, hasOlder: page.hasMore });
          } else {
            await mergePagesAfter(last);
          }
          const first = firstIdOf(latest.current.state);
          if (checkChanges.current && first !== null) {
            checkChanges.current = false;
            const changedSince = new Date(changesCheckedAt.current - CHANGES_MARGIN_MS).toISOString();
            // Only a complete check moves the mark; otherwise the next one starts from the same.
            changesCheckedAt.current = (await mergePagesAfter(first - 1, changedSince)) ?? changesCheckedAt.current;
          }
        } while (catchUpAgain.current);
      };
      const running = run()
        .catch((error: unknown) => {
          if (isRoomGone(error)) roomGone();
          // Otherwise the next subscription (reconnect) or poll tries again.
        })
        .finally(() => {
          catchUpRun.current = null;
        });
      catchUpRun.current = running;
      return running;
    },
    [slug, roomGone],
  );

  /** A message whose event was too large to carry it: load it by id. */
  const loadOne = useCallback(
    async (id: number) => {
      try {
        const page = await fetchHistory(slug, { before: id + 1 }, 1);
        dispatch({ type: "merge", entries: page.messages.filter((m) => m.id === id) });
      } catch (error) {
        if (isRoomGone(error)) roomGone();
      }
    },
    [slug, roomGone],
  );

  const onMessage = (data: unknown) => {
    const parsed = messageEventSchema.safeParse(data);
    if (!parsed.success || parsed.data.roomId !== roomId) return;
    if ("incomplete" in parsed.data) void loadOne(parsed.data.id);
    else dispatch({ type: "merge", entries: [parsed.data] });
  };

  const { channel, subscribed } = useRoomChannel(
    roomId,
    {
      [ROOM_EVENTS.messageCreated]: onMessage,
      [ROOM_EVENTS.messageUpdated]: onMessage,
      [ROOM_EVENTS.messageDeleted]: (data) => {
        const parsed = messageDeletedSchema.safeParse(data);
        if (parsed.success && parsed.data.roomId === roomId) dispatch({ type: "deleted", id: parsed.data.messageId });
      },
      [ROOM_EVENTS.roomUpdated]: (data) => {
        const parsed = roomUpdatedSchema.safeParse(data);
        if (parsed.success && parsed.data.roomId === roomId) latest.current.onRoomUpdated?.(parsed.data);
      },
      [ROOM_EVENTS.roomDeleted]: (data) => {
        const parsed = roomDeletedSchema.safeParse(data);
        if (parsed.success && parsed.data.roomId === roomId) roomGone();
      },
    },
    { onSubscribed: () => void catchUp({ changes: true }) },
  );

  // The socket to leave out of our own sends' fan-out.
  const channelRef = useRef<PresenceChannel | null>(null);
  useEffect(() => {
    channelRef.current = channel;
  }, [channel]);
  const socketId = useCallback(() => channelRef.current?.pusher?.connection?.socket_id ?? null, []);

  // Signed-out visitors have no live channel: poll while the tab is visible.
  const polling = status === "disabled";
  useEffect(() => {
    if (!polling) return;
    let polls = 0;
    const poll = () => {
      // Every sixth time (about half a minute) edits and deletions too.
      if (document.visibilityState === "visible") void catchUp({ changes: ++polls % 6 === 0 });
    };
    const timer = window.setInterval(poll, POLL_INTERVAL_MS);
    document.addEventListener("visibilitychange", poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", poll);
    };
  }, [polling, catchUp]);

  const loadingOlderRef = useRef(false);
  const loadOlder = useCallback(async () => {
    const current = latest.current.state;
    const before = firstIdOf(current);
    if (loadingOlderRef.current || !current.hasOlder || before === null) return;
    loadingOlderRef.current = true;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await fetchHistory(slug, { before }, OLDER_PAGE);
      dispatch({ type: "older", entries: page.messages, hasOlder: page.hasMore });
    } catch (error) {
      if (isRoomGone(error)) roomGone();
      setOlderError(error instanceof ChatApiError ? error.message : "Could not load earlier messages.");
    } finally {
      loadingOlderRef.current = false;
      setLoadingOlder(false);
    }
  }, [slug, roomGone]);

  // Sends run one after another, in the order they were written.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const attempt = useCallback(
    (clientKey: string, body: string) => {
      queue.current = queue.current.then(async () => {
        // Discarded while it waited its turn.
        if (!latest.current.state.pending.some((p) => p.clientKey === clientKey)) return;
        dispatch({ type: "sending", clientKey });
        try {
          const message = await postMessage(slug, { body, clientKey }, socketId());
          dispatch({ type: "confirmed", clientKey, message });
        } catch (error) {
          if (error instanceof ChatApiError && error.code === "gone:message") {
            // Stored by an earlier attempt and deleted since: nothing left to send.
            dispatch({ type: "discarded", clientKey });
            return;
          }
          if (isRoomGone(error)) roomGone();
          const { failure, composerError: message } = failureOf(error);
          if (error instanceof ChatApiError && error.status === 429)
            setRateLimitedUntil(Date.now() + (error.retryAfter ?? 10) * 1000);
          if (message) setComposerError(message);
          if (error instanceof ChatApiError && error.status === 403)
            latest.current.onPostingRefused?.({ code: error.code, message: error.message });
          dispatch({ type: "failed", clientKey, failure });
        }
      });
    },
    [slug, roomGone, socketId],
  );

  const send = useCallback(
    (body: string) => {
      const clientKey = newClientKey();
      dispatch({
        type: "queued",
        pending: { clientKey, body, createdAt: new Date().toISOString(), status: "sending" },
      });
      setComposerError(null);
      attempt(clientKey, body);
    },
    [attempt],
  );

  const retry = useCallback(
    (clientKey: string) => {
      const item = latest.current.state.pending.find((p) => p.clientKey === clientKey);
      if (!item || item.status === "sending") return;
      dispatch({ type: "sending", clientKey });
      attempt(clientKey, item.body);
    },
    [attempt],
  );

  const discard = useCallback((clientKey: string) => dispatch({ type: "discarded", clientKey }), []);

  // Back online (the browser says so, or the realtime connection is up again): what failed for
  // want of a connection goes out by itself, in order.
  const retryOffline = useCallback(() => {
    for (const item of latest.current.state.pending) {
      if (item.status === "failed" && item.failure?.kind === "network") {
        dispatch({ type: "sending", clientKey: item.clientKey });
        attempt(item.clientKey, item.body);
      }
    }
  }, [attempt]);
  useEffect(() => {
    window.addEventListener("online", retryOffline);
    return () => window.removeEventListener("online", retryOffline);
  }, [retryOffline]);
  useEffect(() => {
    if (status === "connected") retryOffline();
  }, [status, retryOffline]);

  const edit = useCallback(
    async (id: number, body: string) => {
      try {
        const message = await patchMessage(slug, id, body, socketId());
        dispatch({ type: "merge", entries: [message] });
      } catch (error) {
        if (isRoomGone(error)) roomGone();
        if (error instanceof ChatApiError && error.code === "not_found:message") dispatch({ type: "deleted", id });
        throw error;
      }
    },
    [slug, roomGone, socketId],
  );

  const remove = useCallback(
    async (id: number) => {
      try {
        await deleteMessage(slug, id);
      } catch (error) {
        if (isRoomGone(error)) roomGone();
        if (!(error instanceof ChatApiError && error.code === "not_found:message")) throw error;
      }
      dispatch({ type: "deleted", id });
    },
    [slug, roomGone],
  );

  const clearRateLimit = useCallback(() => setRateLimitedUntil(null), []);
  const clearComposerError = useCallback(() => setComposerError(null), []);

  return {
    state,
    subscribed,
    loadingOlder,
    olderError,
    loadOlder,
    send,
    retry,
    discard,
    edit,
    remove,
    rateLimitedUntil,
    clearRateLimit,
    composerError,
    clearComposerError,
  };
}
