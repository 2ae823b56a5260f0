"use client";
// The signed-in member's own private channel (`private-user-<userId>`): events meant for them
// alone, e.g. a moderator muting them.
import { userChannel } from "@/lib/realtime/channels";
import { useChannel, type ChannelHandlers } from "./use-channel";

export interface UserChannelOptions {
  /**
   * Called each time the subscription succeeds: the first time (`again` false), and after every
   * reconnect (`again` true), when events sent meanwhile may have been missed.
   */
  onSubscribed?: (again: boolean) => void;
}

/** `userId` null (a visitor) subscribes to nothing. */
export function useUserChannel(
  userId: string | null,
  handlers: ChannelHandlers,
  { onSubscribed }: UserChannelOptions = {},
): { subscribed: boolean } {
  const { subscribed } = useChannel(userId ? userChannel(userId) : null, handlers, {
    onSubscribed: onSubscribed && ((_channel, again) => onSubscribed(again)),
  });
  return { subscribed };
}
