"use client";
// One hook per live subscription (DESIGN.md): binds handlers on the signed-in member's own
// private channel (`private-user-<userId>`, events meant for them alone, e.g. a moderator muting
// them) and unbinds them on cleanup. Shares the tab's connection and reference-counted channels
// with every other live view through the RealtimeProvider, like useRoomChannel.
import type { Channel } from "pusher-js";
import { useEffect, useRef, useState } from "react";
import { userChannel } from "@/lib/realtime/channels";
import { useRealtime } from "./realtime-provider";
import type { ChannelHandlers } from "./use-room-channel";

export interface UserChannelOptions {
  /**
   * Called each time the subscription succeeds: the first time (`again` false), and after every
   * reconnect (`again` true), when events sent meanwhile may have been missed.
   */
  onSubscribed?: (again: boolean) => void;
}

export interface UserChannel {
  /** True once subscribed; false again while the connection is down. */
  subscribed: boolean;
}

/** `userId` null (a visitor) subscribes to nothing. */
export function useUserChannel(userId: string | null, handlers: ChannelHandlers, options: UserChannelOptions = {}): UserChannel {
  const { acquire, release, status } = useRealtime();
  const [subscribedAt, setSubscribedAt] = useState(0);
  // The latest handlers, so callers may pass inline functions without resubscribing.
  const latest = useRef({ handlers, options });
  useEffect(() => {
    latest.current = { handlers, options };
  });
  const eventNames = Object.keys(handlers).sort().join("\n");

  useEffect(() => {
    if (!userId) return;
    const name = userChannel(userId);
    const acquired: Channel | null = acquire(name);
    if (!acquired) return;
    let successes = 0;
    const bound: [string, (data: unknown) => void][] = eventNames
      .split("\n")
      .filter(Boolean)
      .map((event) => [event, (data: unknown) => latest.current.handlers[event]?.(data)]);
    const onSucceeded = () => {
      setSubscribedAt(Date.now());
      latest.current.options.onSubscribed?.(successes++ > 0);
    };
    for (const [event, handler] of bound) acquired.bind(event, handler);
    acquired.bind("pusher:subscription_succeeded", onSucceeded);
    // Another component may have subscribed already: that success will not fire again for us.
    if (acquired.subscribed) queueMicrotask(onSucceeded);
    return () => {
      for (const [event, handler] of bound) acquired.unbind(event, handler);
      acquired.unbind("pusher:subscription_succeeded", onSucceeded);
      release(name);
      setSubscribedAt(0);
    };
  }, [userId, eventNames, acquire, release]);

  return { subscribed: subscribedAt > 0 && status === "connected" };
}
