// Channel names of the live-event contract (README, "Realtime"). Anything else is refused by
// channel auth, so every name the app uses is built and parsed here.
//  - `room-<roomId>`: public, every reader (visitors too, no cap): messages, edits, deletions, room changes, counts.
//  - `presence-room-<roomId>`: members' faces and typing, up to the presence limit.
//  - `private-here-<roomId>-<userId>`: held by one member while in the room; its occupancy is "online", uncapped.
//  - `private-user-<userId>`: events for one member.
import { z } from "zod";

const ID = "[a-z0-9]{20,32}";
const ROOM_CHANNEL = new RegExp(`^room-(${ID})$`);
const PRESENCE_CHANNEL = new RegExp(`^presence-room-(${ID})$`);
const HERE_CHANNEL = new RegExp(`^private-here-(${ID})-(${ID})$`);
const USER_CHANNEL = new RegExp(`^private-user-(${ID})$`);

export const HERE_CHANNEL_PREFIX = "private-here-";

export const roomChannel = (roomId: string) => `room-${roomId}`;
export const presenceChannel = (roomId: string) => `presence-room-${roomId}`;
export const hereChannel = (roomId: string, userId: string) => `${HERE_CHANNEL_PREFIX}${roomId}-${userId}`;
export const userChannel = (userId: string) => `private-user-${userId}`;

export type ParsedChannel =
  | { kind: "room"; roomId: string }
  | { kind: "presence"; roomId: string }
  | { kind: "here"; roomId: string; userId: string }
  | { kind: "user"; userId: string };

/** Parses a channel name into what it names, or null when it is not one of ours. */
export function parseChannelName(name: string): ParsedChannel | null {
  const room = ROOM_CHANNEL.exec(name);
  if (room?.[1]) return { kind: "room", roomId: room[1] };
  const presence = PRESENCE_CHANNEL.exec(name);
  if (presence?.[1]) return { kind: "presence", roomId: presence[1] };
  const here = HERE_CHANNEL.exec(name);
  if (here?.[1] && here[2]) return { kind: "here", roomId: here[1], userId: here[2] };
  const user = USER_CHANNEL.exec(name);
  if (user?.[1]) return { kind: "user", userId: user[1] };
  return null;
}

export const channelNameSchema = z
  .string()
  .max(164)
  .refine((n) => parseChannelName(n) !== null, {
    message: "unknown channel",
  });
