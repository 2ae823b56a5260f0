// Editing a room, for the room's edit page and the admin area: who may (the host or a moderator),
// the edit with its topic counts, the audit entry when a moderator edits (same transaction), then
// `room:updated` to anyone inside once the edit has committed.
import "server-only";
import { auditEntry } from "../admin/audit";
import { findRoomForEdit, updateRoom, type RoomChange, type RoomEdit } from "../db/rooms";
import type { SessionUser } from "../db/users";
import { forbidden, notFound } from "../errors";
import { publishRoomUpdated } from "../realtime/events";
import { canManageRoom } from "./permissions";

export async function editRoomAs(
  actor: SessionUser,
  ref: { slug: string } | { id: string },
  edit: Omit<RoomEdit, "id" | "audit">,
  {
    fromAdminArea = false,
  }: { /** From /admin every edit is audited, the moderator's own rooms too. */ fromAdminArea?: boolean } = {},
): Promise<RoomChange> {
  const room = await findRoomForEdit(ref);
  if (!room) throw notFound("room", "This room no longer exists.");
  if (!canManageRoom(actor, room)) throw forbidden("room", "Only the room’s host and moderators can change this room.");
  const moderating = fromAdminArea || room.hostId !== actor.id;
  const change = await updateRoom({
    ...edit,
    id: room.id,
    audit: moderating
      ? (c) =>
          auditEntry(
            actor,
            "room.update",
            { type: "room", id: c.id, label: c.name },
            c.changes.join("; ") || "no change",
          )
      : undefined,
  });
  await publishRoomUpdated({
    roomId: change.id,
    slug: change.slug,
    name: change.name,
    description: change.description,
    topic: change.topic,
  });
  return change;
}
