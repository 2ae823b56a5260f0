"use client";
// A room's conversation in the browser: the server-rendered messages, then everything live. The engines are
// lib/chat/client/catch-up.ts (subscribe, load, merge by id) and send-queue.ts (one send at a time, idempotent); this
// hook wires them to the room's public channel (visitors too), the connection, the browser's online event and the
// page's callbacks, and reactions (use-reactions.ts). Only while the channel is out of reach (no connection, or the
// subscription refused) does it poll instead. Jumps (`?m=`, jumpTo) swap in a window of older history; paging down or
// "Jump to newest" returns to the live end.
import { useCallback, useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { useWindowEvents } from "@/components/use-window-events";
import { createCatchUp } from "@/lib/chat/client/catch-up";
import {
  deleteMessage,
  fetchHistory,
  isMessageGone,
  isRoomGone,
  newClientKey,
  patchMessage,
  postMessage,
  type SendErrorOutcome,
} from "@/lib/chat/client/chat-api";
import { createConversationStore } from "@/lib/chat/client/conversation-store";
import { initialConversation } from "@/lib/chat/client/message-store";
import { createSendQueue } from "@/lib/chat/client/send-queue";
import type { HistoryEntry, Reactor } from "@/lib/chat/message-payload";
import {
  messageDeletedSchema,
  messageEventSchema,
  ROOM_EVENTS,
  roomDeletedSchema,
  roomUpdatedSchema,
  type RoomUpdatedEvent,
} from "@/lib/realtime/event-schemas";
import { useConversationJump, type InitialJump } from "./use-conversation-jump";
import { useLoadOlder } from "./use-load-older";
import { usePolling } from "./use-polling";
import { useReactions } from "./use-reactions";
import { useReply } from "./use-reply";

export { POLL_INTERVAL_MS } from "./use-polling";

export interface UseConversationOptions {
  slug: string;
  roomId: string;
  initialEntries: HistoryEntry[];
  initialHasOlder: boolean;
  /** What a message link (`?m=`) opened the page on. */
  initialJump?: InitialJump;
  /** When the server read `initialEntries` (its clock, ms): changes after it are caught up on. */
  initialReadAt: number;
  onRoomUpdated?: (event: RoomUpdatedEvent) => void;
  onRoomDeleted?: () => void;
  /**
   * A send was refused with a 403 (the room was locked, or the member muted or banned, while the
   * page was open): the page stops offering the composer and says `message`, the API's words.
   */
  onPostingRefused?: (refusal: { code: string; message: string }) => void;
  /** The member who may react here (verified, not muted or banned); null for everyone else. */
  reactor?: (Reactor & { id: string }) | null;
}

export function useConversation({
  slug,
  roomId,
  initialEntries,
  initialHasOlder,
  initialJump,
  initialReadAt,
  onRoomUpdated,
  onRoomDeleted,
  onPostingRefused,
  reactor = null,
}: UseConversationOptions) {
  const [store] = useState(() =>
    createConversationStore(initialConversation(initialEntries, initialHasOlder, initialJump?.hasNewer)),
  );
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const [rateLimitedUntil, setRateLimitedUntil] = useState<number | null>(null);
  const [composerError, setComposerError] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const { status, socketId } = useRealtime();

  // A refresh of the page (router.refresh after join/leave) brings newer server-rendered
  // messages: merge them in, never replace (the client may hold newer ones). Only what falls inside
  // the span held is merged (message-store.ts's withinHeld), so a refresh never punches a hole.
  useEffect(() => store.dispatch({ type: "merge", entries: initialEntries }), [store, initialEntries]);

  const roomGoneIf = useCallback(
    (error: unknown) => {
      if (isRoomGone(error)) onRoomDeleted?.();
    },
    [onRoomDeleted],
  );
  const onSendFailed = useEffectEvent(
    ({ roomGone, rateLimitedFor, composerError: said, refusal }: SendErrorOutcome) => {
      if (roomGone) onRoomDeleted?.();
      if (rateLimitedFor !== null) setRateLimitedUntil(Date.now() + rateLimitedFor);
      if (said) setComposerError(said);
      if (refusal) onPostingRefused?.(refusal);
    },
  );
  const onSyncFailed = useEffectEvent(roomGoneIf);

  // The mark of the last check for changes belongs to the page, not to a refresh's render time.
  const [readAt] = useState(initialReadAt);
  const sync = useMemo(
    () => createCatchUp({ fetchPage: (cursor, limit) => fetchHistory(slug, cursor, limit), store, readAt }),
    [slug, store, readAt],
  );
  // The server leaves this tab's socket out of the fan-out of its own sends and edits.
  const sends = useMemo(
    () =>
      createSendQueue({
        post: (input) => postMessage(slug, input, socketId()),
        store,
        newKey: newClientKey,
        now: Date.now,
      }),
    [slug, store, socketId],
  );
  useEffect(() => sync.onError(onSyncFailed), [sync]);
  useEffect(() => sends.onError(onSendFailed), [sends]);

  const onMessage = (data: unknown, created = false) => {
    const parsed = messageEventSchema.safeParse(data);
    if (!parsed.success || parsed.data.roomId !== roomId) return;
    const full = "incomplete" in parsed.data ? null : parsed.data;
    // Below a window of older history a new message is counted for "Jump to newest", not shown.
    if (created && store.getState().hasNewer) store.dispatch({ type: "created", id: parsed.data.id, message: full });
    else if (!full) void sync.loadOne(parsed.data.id);
    else store.dispatch({ type: "merge", entries: [full] });
  };
  const { subscribed } = useRoomChannel(
    roomId,
    {
      [ROOM_EVENTS.messageCreated]: (data) => onMessage(data, true),
      [ROOM_EVENTS.messageUpdated]: onMessage,
      [ROOM_EVENTS.messageDeleted]: (data) => {
        const parsed = messageDeletedSchema.safeParse(data);
        if (parsed.success && parsed.data.roomId === roomId)
          store.dispatch({ type: "deleted", id: parsed.data.messageId });
      },
      [ROOM_EVENTS.roomUpdated]: (data) => {
        const parsed = roomUpdatedSchema.safeParse(data);
        if (parsed.success && parsed.data.roomId === roomId) onRoomUpdated?.(parsed.data);
      },
      [ROOM_EVENTS.roomDeleted]: (data) => {
        const parsed = roomDeletedSchema.safeParse(data);
        if (parsed.success && parsed.data.roomId === roomId) onRoomDeleted?.();
      },
    },
    {
      onSubscribed: () => {
        setRefused(false);
        void sync.run({ changes: true });
      },
      onSubscriptionError: () => setRefused(true),
    },
  );

  // Polling is the fallback, never the steady state: it stops as soon as the channel delivers again.
  const live = !refused && status !== "disabled";
  const polling = !live || status === "offline" || status === "reconnecting";
  usePolling(polling, (changes) => void sync.run({ changes }));

  const jump = useConversationJump({ slug, store, state, sync, initial: initialJump, onError: roomGoneIf });

  const { loadingOlder, olderError, loadOlder } = useLoadOlder(sync, roomGoneIf);

  const reply = useReply(state.entries);
  const react = useReactions({ slug, roomId, store, viewer: reactor });
  const send = useCallback(
    (body: string, options?: { question?: boolean }) => {
      sends.send(body, reply.quote, options);
      reply.cancel();
      setComposerError(null);
    },
    [sends, reply],
  );

  // Back online (the browser says so, or the realtime connection is up again): what failed for
  // want of a connection goes out by itself, in order.
  useWindowEvents(["online"], () => sends.retryOffline());
  useEffect(() => {
    if (status === "connected") sends.retryOffline();
  }, [status, sends]);

  const edit = useCallback(
    async (id: number, body: string) => {
      try {
        const message = await patchMessage(slug, id, body, socketId());
        store.dispatch({ type: "merge", entries: [message] });
      } catch (error) {
        roomGoneIf(error);
        if (isMessageGone(error)) store.dispatch({ type: "deleted", id });
        throw error;
      }
    },
    [slug, store, roomGoneIf, socketId],
  );

  const remove = useCallback(
    async (id: number) => {
      try {
        await deleteMessage(slug, id);
      } catch (error) {
        roomGoneIf(error);
        if (!isMessageGone(error)) throw error;
      }
      store.dispatch({ type: "deleted", id });
    },
    [slug, store, roomGoneIf],
  );

  return {
    state,
    subscribed,
    /** False when live updates are off or the room's channel refused us: the page says it is not live. */
    live,
    loadingOlder,
    olderError,
    loadOlder,
    /** Jumps: for MessageList's `jump`, and `jump.jumpTo(id)` for features that open a message of this room. */
    jump,
    send,
    /** Replying: the quote the next send carries, Reply (`start`) and `cancel`. */
    reply,
    /** Reacting (members who may) and naming who reacted (anyone). */
    react,
    retry: sends.retry,
    discard: sends.discard,
    edit,
    remove,
    rateLimitedUntil,
    clearRateLimit: useCallback(() => setRateLimitedUntil(null), []),
    composerError,
    clearComposerError: useCallback(() => setComposerError(null), []),
  };
}
