"use client";
// The composer calls the returned function on every input change; it sends `client-typing` on
// the room's presence channel at most once per TYPING_THROTTLE_MS, and only while subscribed.
// Receivers expire a typer on their own (components/presence/typing-indicator.tsx), so there is
// no "stopped typing" event.
import { useCallback } from "react";
import { usePresenceChannel } from "@/components/realtime/use-presence-channel";
import { shouldSendTyping, TYPING_EVENT, type TypingEvent } from "@/lib/presence/typing";

// Per room and per tab, not per hook: every composer of the tab (new message, editing one)
// shares one socket, hence one client-event budget on the realtime server.
const lastSentAt = new Map<string, number>();

const NO_HANDLERS = {};

/** `viewerId` null (a visitor) sends nothing. */
export function useTypingNotifier(roomId: string, viewerId: string | null): () => void {
  const { channel, subscribed } = usePresenceChannel(roomId, viewerId, NO_HANDLERS);
  return useCallback(() => {
    // trigger() on a channel that is not subscribed only logs a warning; skip it.
    if (!channel || !subscribed || !channel.subscribed) return;
    const me = channel.members.me as { id?: unknown; info?: { name?: unknown } } | null;
    if (typeof me?.id !== "string") return;
    const now = Date.now();
    if (!shouldSendTyping(lastSentAt.get(roomId), now)) return;
    const event: TypingEvent = {
      userId: me.id,
      name: typeof me.info?.name === "string" ? me.info.name.slice(0, 200) : "",
    };
    if (channel.trigger(TYPING_EVENT, event)) lastSentAt.set(roomId, now);
  }, [channel, subscribed, roomId]);
}
