// Unread state: each participant's read position (Participant.lastReadMessageId) and the counts
// derived from it for home cards and the header. Positions only move forward, by message id.
import "server-only";
import { z } from "zod";
import { advanceReadPosition, countUnread, UNREAD_COUNT_CAP } from "../db/read-positions";
import { findChatRoom } from "../db/room-lookup";
import { fieldErrorsOf, invalid, notFound } from "../errors";
import type { ReadState } from "./message-payload";
import { requireActive, type ChatActor } from "./actor";

export { UNREAD_COUNT_CAP };

/**
 * Marks read up to `messageId` (default: the latest), never backwards nor past the latest message. Null for
 * non-participants (opening a room does not join it).
 */
export const markRead = advanceReadPosition;

/** Unread messages per room (0 where none, or not a participant); each capped at UNREAD_COUNT_CAP. */
export async function unreadCounts({
  userId,
  roomIds,
}: {
  userId: string;
  roomIds: string[];
}): Promise<Record<string, number>> {
  const counts = await countUnread({ userId, roomIds });
  return Object.fromEntries(roomIds.map((id) => [id, counts.get(id) ?? 0]));
}

/** Unread messages over all the member's rooms, for the header (each room counts at most UNREAD_COUNT_CAP). */
export async function unreadTotal({ userId }: { userId: string }): Promise<number> {
  let total = 0;
  for (const count of (await countUnread({ userId })).values()) total += count;
  return total;
}

const markReadSchema = z
  .object({
    messageId: z
      .number({ message: "messageId must be a message id." })
      .int()
      .positive("messageId must be a message id.")
      .optional(),
  })
  .default({});

/** POST /api/rooms/<slug>/read with { messageId? }: the caller's read position and unread total. */
export async function markRoomRead({
  actor,
  slug,
  input,
}: {
  actor: ChatActor | null;
  slug: string;
  input: unknown;
}): Promise<ReadState> {
  const parsed = markReadSchema.safeParse(input ?? undefined);
  if (!parsed.success)
    throw invalid(fieldErrorsOf(parsed.error), parsed.error.issues[0]?.message ?? "The request is not valid.");
  const reader = requireActive(actor);
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", "This room does not exist (any more).");
  const lastReadMessageId = await markRead({ roomId: room.id, userId: reader.id, messageId: parsed.data.messageId });
  return { lastReadMessageId, totalUnread: await unreadTotal({ userId: reader.id }) };
}
