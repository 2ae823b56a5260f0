"use client";
// One hook per live subscription: binds handlers on a channel and unbinds them on cleanup. Every
// live view shares the tab's connection and reference-counted channels through the
// RealtimeProvider (realtime-provider.tsx), so several components may hold the same channel at
// once. useRoomChannel and useUserChannel name the channel; this does the binding for both.
import type { Channel } from "pusher-js";
import { useEffect, useEffectEvent, useState } from "react";
import { useRealtime } from "./realtime-provider";

/** Event name → handler. Payloads are untrusted: parse them with the zod schemas before use. */
export type ChannelHandlers = Record<string, (data: unknown) => void>;

export interface ChannelOptions<C extends Channel> {
  /**
   * Called on each successful subscribe; `again` is true after a reconnect (pusher-js resubscribes by itself),
   * when events may have been missed: the moment to catch up.
   */
  onSubscribed?: (channel: C, again: boolean) => void;
  /** The subscription was refused (e.g. the room was deleted, or the session ended). */
  onSubscriptionError?: (error: unknown) => void;
}

export interface LiveChannel<C extends Channel> {
  /** Null while live updates are off (signed out) or before the subscription exists. */
  channel: C | null;
  /** True once subscribed; false again while the connection is down. */
  subscribed: boolean;
}

/** `name` null subscribes to nothing (e.g. a visitor's own channel). */
export function useChannel<C extends Channel = Channel>(
  name: string | null,
  handlers: ChannelHandlers,
  options: ChannelOptions<C> = {},
): LiveChannel<C> {
  const { acquire, release, status } = useRealtime();
  const [channel, setChannel] = useState<C | null>(null);
  const [subscribedAt, setSubscribedAt] = useState(0);
  // Effect events: callers may pass inline functions, and the latest ones run, without resubscribing.
  const onEvent = useEffectEvent((event: string, data: unknown) => handlers[event]?.(data));
  const onSubscribed = useEffectEvent((channel: C, again: boolean) => options.onSubscribed?.(channel, again));
  const onSubscriptionError = useEffectEvent((error: unknown) => options.onSubscriptionError?.(error));
  const eventNames = Object.keys(handlers).sort().join("\n");

  useEffect(() => {
    if (!name) return;
    const acquired = acquire(name) as C | null;
    if (!acquired) return;
    let successes = 0;
    const bound: [string, (data: unknown) => void][] = eventNames
      .split("\n")
      .filter(Boolean)
      .map((event) => [event, (data: unknown) => onEvent(event, data)]);
    const onSucceeded = () => {
      setSubscribedAt(Date.now());
      onSubscribed(acquired, successes++ > 0);
    };
    const onError = (error: unknown) => onSubscriptionError(error);
    for (const [event, handler] of bound) acquired.bind(event, handler);
    acquired.bind("pusher:subscription_succeeded", onSucceeded);
    acquired.bind("pusher:subscription_error", onError);
    // Another component may have subscribed already: that success will not fire again for us.
    if (acquired.subscribed) queueMicrotask(onSucceeded);
    // The channel object exists only once acquired here; callers bind client events on it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChannel(acquired);
    return () => {
      for (const [event, handler] of bound) acquired.unbind(event, handler);
      acquired.unbind("pusher:subscription_succeeded", onSucceeded);
      acquired.unbind("pusher:subscription_error", onError);
      release(name);
      setChannel(null);
      setSubscribedAt(0);
    };
  }, [name, eventNames, acquire, release]);

  return { channel, subscribed: subscribedAt > 0 && status === "connected" };
}
