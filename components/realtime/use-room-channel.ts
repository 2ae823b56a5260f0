"use client";
// A room's presence channel (`presence-room-<roomId>`): messages, edits, deletions, typing and
// who is here. Several components use it for the same room at once (conversation, people panel,
// typing); they share one subscription through the RealtimeProvider.
import type { PresenceChannel } from "pusher-js";
import { roomChannel } from "@/lib/realtime/channels";
import { useChannel, type ChannelHandlers, type ChannelOptions, type LiveChannel } from "./use-channel";

export type RoomChannelOptions = ChannelOptions<PresenceChannel>;

export function useRoomChannel(
  roomId: string,
  handlers: ChannelHandlers,
  options: RoomChannelOptions = {},
): LiveChannel<PresenceChannel> {
  return useChannel<PresenceChannel>(roomChannel(roomId), handlers, options);
}
