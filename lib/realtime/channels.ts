// Channel names of the live-event contract (README, "Realtime"). Anything else is refused by
// channel auth, so every name the app uses is built and parsed here.
import { z } from "zod";

const ID = "[a-z0-9]{20,32}";
const ROOM_CHANNEL = new RegExp(`^presence-room-(${ID})$`);
const USER_CHANNEL = new RegExp(`^private-user-(${ID})$`);

export const roomChannel = (roomId: string) => `presence-room-${roomId}`;
export const userChannel = (userId: string) => `private-user-${userId}`;

export type ParsedChannel = { kind: "room"; roomId: string } | { kind: "user"; userId: string };

/** Parses a channel name into what it names, or null when it is not one of ours. */
export function parseChannelName(name: string): ParsedChannel | null {
  const room = ROOM_CHANNEL.exec(name);
  if (room?.[1]) return { kind: "room", roomId: room[1] };
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
