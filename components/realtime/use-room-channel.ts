"use client";
// One hook per live subscription (DESIGN.md): binds handlers on a room's presence channel and
// unbinds them on cleanup. Several components may use it for the same room at once (conversation,
// people panel, typing); they share one subscription through the RealtimeProvider.
import type { Channel, PresenceChannel } from "pusher-js";
import { useEffect, useRef, useState } from "react";
import { roomChannel } from "@/lib/realtime/channels";
import { useRealtime } from "./realtime-provider";

/** Event name → handler. Payloads are untrusted: parse them with the zod schemas before use. */
export type ChannelHandlers = Record<string, (data: unknown) => void>;

export interface RoomChannelOptions {
  /**
   * Called each time the subscription succeeds: the first time, and again after every
   * reconnect (pusher-js resubscribes by itself). That is the moment to catch up by id.
   */
  onSubscribed?: (channel: PresenceChannel) => void;
  /** The subscription was refused (e.g. the room was deleted, or the session ended). */
  onSubscriptionError?: (error: unknown) => void;
}

export interface RoomChannel {
  /** Null while live updates are off (signed out) or before the subscription exists. */
  channel: PresenceChannel | null;
  /** True once subscribed; false again while the connection is down. */
  subscribed: boolean;
}

export function useRoomChannel(roomId: string, handlers: ChannelHandlers, options: RoomChannelOptions = {}): RoomChannel {
  const { acquire, release, status } = useRealtime();
  const [channel, setChannel] = useState<PresenceChannel | null>(null);
  const [subscribedAt, setSubscribedAt] = useState(0);
  // The latest handlers, so callers may pass inline functions without resubscribing.
  const latest = useRef({ handlers, options });
  useEffect(() => {
    latest.current = { handlers, options };
  });
  const eventNames = Object.keys(handlers).sort().join("\n");

  useEffect(() => {
    const name = roomChannel(roomId);
    const acquired = acquire(name) as (Channel & PresenceChannel) | null;
    if (!acquired) return;
    const bound: [string, (data: unknown) => void][] = eventNames
      .split("\n")
      .filter(Boolean)
      .map((event) => [event, (data: unknown) => latest.current.handlers[event]?.(data)]);
    const onSucceeded = () => {
      setSubscribedAt(Date.now());
      latest.current.options.onSubscribed?.(acquired);
    };
    const onError = (error: unknown) => latest.current.options.onSubscriptionError?.(error);
    for (const [event, handler] of bound) acquired.bind(event, handler);
    acquired.bind("pusher:subscription_succeeded", onSucceeded);
    acquired.bind("pusher:subscription_error", onError);
    // Another component may have subscribed already: that success will not fire again for us.
    if (acquired.subscribed) queueMicrotask(onSucceeded);
    setChannel(acquired);
    return () => {
      for (const [event, handler] of bound) acquired.unbind(event, handler);
      acquired.unbind("pusher:subscription_succeeded", onSucceeded);
      acquired.unbind("pusher:subscription_error", onError);
      release(name);
      setChannel(null);
      setSubscribedAt(0);
    };
  }, [roomId, eventNames, acquire, release]);

  return { channel, subscribed: subscribedAt > 0 && status === "connected" };
}
