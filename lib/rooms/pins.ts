// Pins, for every caller: pinning and unpinning (the host, moderators and admins; a moderator's pin in a room they do
// not host is audited like their other room-page actions), and the list anyone who may read the room sees.
import "server-only";
import { auditEntry, excerpt } from "../admin/audit";
import { enforce } from "../auth/rate-limit";
import { requireActive } from "../chat/actor";
import type { AuditEntryInput } from "../db/audit-log";
import {
  listRoomPinIds,
  listRoomPins,
  pinRoomMessage,
  unpinRoomMessage,
  type PinRow,
  type PinTarget,
} from "../db/pins";
import { findChatRoom } from "../db/room-lookup";
import type { SessionUser } from "../db/users";
import { AppError, forbidden, notFound } from "../errors";
import { excerptOf } from "../messages/excerpt";
import { publishPinsUpdated } from "../realtime/events";
import type { PinView } from "../realtime/event-schemas";
import { PIN_EXCERPT_CHARS, PIN_LIMIT } from "../validation/pins";
import { canManageRoom } from "./permissions";

/** Which message of which room (the room page's actions parse it). */
export interface PinForm {
  slug: string;
  messageId: number;
}

export type Pinner = Pick<SessionUser, "id" | "username" | "role" | "emailVerified" | "deactivated">;

const ROOM_GONE = "This room does not exist (any more).";
const MESSAGE_MISSING = "This message is not in this room (or no longer exists).";

export function pinViewOf(row: PinRow): PinView {
  return {
    messageId: row.messageId,
    excerpt: excerptOf(row.message.body, PIN_EXCERPT_CHARS),
    author: row.message.author,
    createdAt: row.message.createdAt.toISOString(),
    pinnedAt: row.pinnedAt.toISOString(),
  };
}

/** The room (404) for someone allowed to pin in it (401 signed out, 403 everyone but the host, moderators, admins). */
async function roomToPinIn(actor: Pinner | null, slug: string) {
  const pinner = requireActive(actor);
  await enforce("messagePin", pinner.id, "You have pinned and unpinned many times in the last minute.");
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", ROOM_GONE);
  if (!canManageRoom(pinner, room)) throw forbidden("message", "Only the room’s host and moderators can pin messages.");
  const audit = (verb: string) =>
    room.hostId === pinner.id
      ? undefined
      : ({ room: target, message }: PinTarget): AuditEntryInput =>
          auditEntry(
            pinner,
            "room.update",
            { type: "room", id: target.id, label: target.name },
            `${verb} “${excerpt(message.body)}” (#${message.id})`,
          );
  return { pinner, room, audit };
}

async function announce(roomId: string, pinned?: PinView): Promise<void> {
  await publishPinsUpdated({ roomId, messageIds: await listRoomPinIds({ roomId }), pinned });
}

/**
 * Pins a live message of the room (404 `not_found:message` for another room's or an unknown one, 409 for a deleted
 * one, 409 `conflict:pin_limit` past the limit). Pinning a pinned message succeeds again and changes nothing.
 */
export async function pinMessageAs(actor: Pinner | null, { slug, messageId }: PinForm): Promise<{ changed: boolean }> {
  const { pinner, room, audit } = await roomToPinIn(actor, slug);
  const outcome = await pinRoomMessage({
    roomId: room.id,
    messageId,
    pinnedById: pinner.id,
    limit: PIN_LIMIT,
    audit: audit("pinned"),
  });
  if ("refused" in outcome) {
    if (outcome.refused === "message_missing") throw notFound("message", MESSAGE_MISSING);
    if (outcome.refused === "message_deleted")
      throw new AppError("conflict:message_deleted", "This message was deleted, so it cannot be pinned.", 409);
    throw new AppError("conflict:pin_limit", `A room holds up to ${PIN_LIMIT} pins. Unpin one first.`, 409);
  }
  if (outcome.changed) {
    const pinned = (await listRoomPins({ roomId: room.id })).find((row) => row.messageId === messageId);
    await announce(room.id, pinned && pinViewOf(pinned));
  }
  return { changed: outcome.changed };
}

/** Unpins; unpinning what is not pinned in this room (already unpinned in another tab) succeeds and changes nothing. */
export async function unpinMessageAs(
  actor: Pinner | null,
  { slug, messageId }: PinForm,
): Promise<{ changed: boolean }> {
  const { room, audit } = await roomToPinIn(actor, slug);
  const changed = await unpinRoomMessage({ roomId: room.id, messageId, audit: audit("unpinned") });
  if (changed) await announce(room.id);
  return { changed };
}

/** The room's pins, newest first, for anyone who may read the room (it is public like its messages). */
export async function pinsOfRoom({ roomId }: { roomId: string }): Promise<PinView[]> {
  return (await listRoomPins({ roomId })).map(pinViewOf);
}

/** GET /api/rooms/<slug>/pins. */
export async function listPins({ slug }: { slug: string }): Promise<{ pins: PinView[] }> {
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", ROOM_GONE);
  return { pins: await pinsOfRoom({ roomId: room.id }) };
}
