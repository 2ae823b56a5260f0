"use client";
// A room's presence channel (`presence-room-<roomId>`): members' faces and typing, for signed-in
// members up to the presence limit (those past it are refused and still read the room channel).
import type { PresenceChannel } from "pusher-js";
import { presenceChannel } from "@/lib/realtime/channels";
import { useChannel, type ChannelHandlers, type ChannelOptions, type LiveChannel } from "./use-channel";

export type PresenceChannelOptions = ChannelOptions<PresenceChannel>;

/** `viewerId` null (a visitor) subscribes to nothing: presence needs a member. */
export function usePresenceChannel(
  roomId: string,
  viewerId: string | null,
  handlers: ChannelHandlers,
  options: PresenceChannelOptions = {},
): LiveChannel<PresenceChannel> {
  return useChannel<PresenceChannel>(viewerId ? presenceChannel(roomId) : null, handlers, options);
}
