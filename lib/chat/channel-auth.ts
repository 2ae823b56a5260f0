// Channel authorization (POST /api/pusher/auth): signs a subscription only for a signed-in,
// active member, only for channel names of the live-event contract, only for rooms that exist,
// and a member's own channels (here, user) only for that member. Presence info is id, name,
// username and avatar, nothing else (every member of the room receives it). A member banned from a room is not
// signed into its presence or here-channel (they read along like a visitor). Room channels are public and never
// signed; signed-out callers are limited per IP.
import "server-only";
import type Pusher from "pusher";
import { z } from "zod";
import { findPostingState } from "../db/restrictions";
import type { SessionUser } from "../db/users";
import { enforce } from "../auth/rate-limit";
import { AppError, fieldErrorsOf, forbidden, invalid, notFound } from "../errors";
import { parseChannelName } from "../realtime/channels";
import { REALTIME_LIMITS } from "../realtime/limits";
import { pusher } from "../realtime/server";
import { requireActive } from "./actor";
import { socketIdSchema } from "./messages";
import { text } from "../validation/text";

export type ChannelActor = Pick<
  SessionUser,
  "id" | "role" | "emailVerified" | "deactivated" | "username" | "name" | "avatarUrl"
>;

/** The member as other members of a room see them. */
export interface PresenceMember {
  user_id: string;
  user_info: { name: string; username: string; avatarUrl: string | null };
}

const authRequestSchema = z.object({
  socket_id: socketIdSchema,
  channel_name: text({ message: "channel_name is missing." }).max(
    REALTIME_LIMITS.maxChannelNameLength,
    "Unknown channel.",
  ),
});

export function presenceMemberOf(actor: ChannelActor): PresenceMember {
  const member: PresenceMember = {
    user_id: actor.id,
    user_info: { name: actor.name, username: actor.username, avatarUrl: actor.avatarUrl },
  };
  // The realtime server refuses members over 1 KB: a very long provider avatar URL goes first.
  const fits = (m: PresenceMember) =>
    Buffer.byteLength(JSON.stringify(m), "utf8") <= REALTIME_LIMITS.maxPresenceMemberSizeKb * 1024;
  if (fits(member)) return member;
  const slim = { ...member, user_info: { ...member.user_info, avatarUrl: null } };
  if (fits(slim)) return slim;
  return { ...slim, user_info: { ...slim.user_info, name: slim.user_info.name.slice(0, 100) } };
}

/**
 * Signs pusher-js's { socket_id, channel_name } for `actor`. Refuses 401 signed out (429 past the per-IP limit), 403
 * deactivated, banned from the room or someone else's channel, 400 a malformed socket id, an unknown or public
 * channel, 404 an unknown room.
 */
export async function authorizeChannel({
  actor,
  input,
  ip,
}: {
  actor: ChannelActor | null;
  input: unknown;
  /** The caller's address: signed-out callers are counted per IP before being refused. */
  ip?: string;
}): Promise<Pusher.ChannelAuthResponse> {
  if (!actor && ip) await enforce("channelAuthIp", ip, "Too many subscription requests.");
  const member = requireActive(actor);
  const parsed = authRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw invalid(fields, Object.values(fields)[0] ?? "The request is not valid.");
  }
  const { socket_id: socketId, channel_name: channelName } = parsed.data;
  const channel = parseChannelName(channelName);
  if (!channel) throw new AppError("invalid:channel", "Unknown channel.", 400);

  switch (channel.kind) {
    case "room":
      throw new AppError("invalid:channel", "Room channels are public: subscribe without authorization.", 400);
    case "presence":
      await requireRoomNotBanned(channel.roomId, member.id);
      return pusher().authorizeChannel(socketId, channelName, presenceMemberOf(member));
    case "here":
      if (channel.userId !== member.id) throw forbidden("channel", "You can only subscribe to your own channels.");
      await requireRoomNotBanned(channel.roomId, member.id);
      return pusher().authorizeChannel(socketId, channelName);
    case "user":
      if (channel.userId !== member.id) throw forbidden("channel", "You can only subscribe to your own channels.");
      return pusher().authorizeChannel(socketId, channelName);
  }
}

/** 404 for a room that does not exist, 403 for a member banned from it. */
async function requireRoomNotBanned(roomId: string, userId: string): Promise<void> {
  const state = await findPostingState({ roomId, userId });
  if (!state) throw notFound("room", "This room does not exist (any more).");
  if (state.restrictions.some((restriction) => restriction.kind === "BAN")) {
    throw forbidden("banned", "You are banned from this room.");
  }
}
