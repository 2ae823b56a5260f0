"use client";
// Reactions in the room page: `reaction:updated` applied to the conversation; who reacted, fetched the first time a
// tooltip asks (history pages carry counts only); and the member's toggles, shown at once (a guess), then set to the
// server's answer, or put back with a toast when refused. Toggles of one emoji on one message go out one after
// another, so a quick on-off-on ends as the last click said.
import { useCallback, useMemo, useRef } from "react";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { useToast } from "@/components/ui/toast";
import { ChatApiError, errorMessageOf, fetchReactions, isMessageGone, postReaction } from "@/lib/chat/client/chat-api";
import type { ConversationStore } from "@/lib/chat/client/conversation-store";
import { guessToggle, isNewerChange } from "@/lib/chat/client/reactions";
import { isTombstone, type Reactor } from "@/lib/chat/message-payload";
import { REACTOR_NAMES } from "@/lib/reactions/reaction-rules";
import { reactionUpdatedSchema, ROOM_EVENTS } from "@/lib/realtime/event-schemas";

export type ToggleReaction = (messageId: number, emoji: string, on: boolean) => void;

export interface RoomReactions {
  /** Members who may react; undefined for everyone else. */
  toggle?: ToggleReaction;
  /** Names who reacted to a message (once at a time per message; a failure is left for the next hover). */
  loadNames: (messageId: number) => void;
}

export function useReactions({
  slug,
  roomId,
  store,
  viewer,
}: {
  slug: string;
  roomId: string;
  store: ConversationStore;
  /** The signed-in member as reactions name them; null for visitors. */
  viewer: (Reactor & { id: string }) | null;
}): RoomReactions {
  const { toast } = useToast();
  const queues = useRef(new Map<string, Promise<void>>());
  const naming = useRef(new Set<number>());
  // The latest change applied per message and emoji, from events and from the member's own answers.
  const applied = useRef(new Map<string, number>());
  const viewerId = viewer?.id ?? null;
  const name = viewer?.name ?? "";
  const username = viewer?.username ?? "";

  useRoomChannel(roomId, {
    [ROOM_EVENTS.reactionUpdated]: (data) => {
      const event = reactionUpdatedSchema.safeParse(data);
      if (!event.success || event.data.roomId !== roomId) return;
      const { messageId, emoji, count, reactors, actorId, on, version } = event.data;
      if (!isNewerChange(applied.current, messageId, emoji, version)) return;
      // Someone else's change leaves the viewer's own mark as it is.
      const mine = actorId === viewerId ? on : undefined;
      store.dispatch({ type: "reaction", messageId, change: { emoji, count, reactors, mine } });
    },
  });

  const toggle = useCallback(
    (messageId: number, emoji: string, on: boolean) => {
      if (!viewerId) return;
      const held = store.getState().entries.find((entry) => entry.id === messageId);
      if (!held || isTombstone(held)) return;
      const before = held.reactions?.find((group) => group.emoji === emoji);
      const guess = guessToggle(held.reactions ?? [], emoji, on, { name, username }, REACTOR_NAMES);
      store.dispatch({ type: "reaction", messageId, change: guess });
      const key = `${messageId} ${emoji}`;
      const previous = queues.current.get(key) ?? Promise.resolve();
      const next = previous.then(async () => {
        try {
          const { reaction, version } = await postReaction(slug, messageId, emoji, on);
          // A later change (someone else's, made after this one) may already be shown: it counts this one too.
          if (isNewerChange(applied.current, messageId, emoji, version))
            store.dispatch({ type: "reaction", messageId, change: reaction });
        } catch (error) {
          if (isMessageGone(error) || (error instanceof ChatApiError && error.code === "conflict:message_deleted"))
            store.dispatch({ type: "deleted", id: messageId });
          else store.dispatch({ type: "reaction", messageId, change: before ?? { emoji, count: 0, reactors: [] } });
          toast({
            id: "reaction-failed",
            message: errorMessageOf(error, "Your reaction did not go through."),
            tone: "error",
          });
        }
      });
      queues.current.set(key, next);
      void next.finally(() => {
        if (queues.current.get(key) === next) queues.current.delete(key);
      });
    },
    [slug, store, viewerId, name, username, toast],
  );

  const loadNames = useCallback(
    (messageId: number) => {
      if (naming.current.has(messageId)) return;
      naming.current.add(messageId);
      fetchReactions(slug, messageId)
        .then(({ reactions }) => store.dispatch({ type: "reactions", messageId, reactions }))
        .catch(() => undefined)
        .finally(() => naming.current.delete(messageId));
    },
    [slug, store],
  );
  return useMemo(() => ({ toggle: viewerId ? toggle : undefined, loadNames }), [viewerId, toggle, loadNames]);
}
