// Channel authorization (POST /api/pusher/auth): signs a subscription only for a signed-in,
// active member, only for channel names of the live-event contract, only for rooms that exist,
// and a private user channel only for that user. Presence info is id, name, username and
// avatar, nothing else (every member of the room receives it).
import "server-only";
import type Pusher from "pusher";
import { z } from "zod";
import { roomExists } from "../db/room-lookup";
import type { SessionUser } from "../db/users";
import { AppError, fieldErrorsOf, forbidden, invalid, notFound } from "../errors";
import { parseChannelName } from "../realtime/channels";
import { REALTIME_LIMITS } from "../realtime/limits";
import { pusher } from "../realtime/server";
import { requireActive } from "./actor";
import { socketIdSchema } from "./messages";

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
  channel_name: z
    .string({ message: "channel_name is missing." })
    .max(REALTIME_LIMITS.maxChannelNameLength, "Unknown channel."),
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
 * Signs pusher-js's { socket_id, channel_name } for `actor`. Refuses 401 signed out, 403 deactivated or someone else's
 * private channel, 400 a malformed socket id or channel name, 404 an unknown room.
 */
export async function authorizeChannel({
  actor,
  input,
}: {
  actor: ChannelActor | null;
  input: unknown;
}): Promise<Pusher.ChannelAuthResponse> {
  const member = requireActive(actor);
  const parsed = authRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw invalid(fields, Object.values(fields)[0] ?? "The request is not valid.");
  }
  const { socket_id: socketId, channel_name: channelName } = parsed.data;
  const channel = parseChannelName(channelName);
  if (!channel) throw new AppError("invalid:channel", "Unknown channel.", 400);

  if (channel.kind === "room") {
    if (!(await roomExists({ id: channel.roomId }))) throw notFound("room", "This room does not exist (any more).");
    return pusher().authorizeChannel(socketId, channelName, presenceMemberOf(member));
  }
  if (channel.userId !== member.id) throw forbidden("channel", "You can only subscribe to your own private channel.");
  return pusher().authorizeChannel(socketId, channelName);
}
