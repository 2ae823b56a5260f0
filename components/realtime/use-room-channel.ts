"use client";
// A room's public channel (`room-<roomId>`): messages, edits, deletions, room changes and the
// online count, for every reader, visitors included. Several components use it for the same room
// at once; they share one subscription through the RealtimeProvider.
import type { Channel } from "pusher-js";
import { roomChannel } from "@/lib/realtime/channels";
import { useChannel, type ChannelHandlers, type ChannelOptions, type LiveChannel } from "./use-channel";

export function useRoomChannel(
  roomId: string,
  handlers: ChannelHandlers,
  options: ChannelOptions<Channel> = {},
): LiveChannel<Channel> {
  return useChannel(roomChannel(roomId), handlers, options);
}
