// Deleting a room, for every caller (the room page, My activity, the admin area): who may (the
// host or a moderator), the delete with its topic count, the audit entry when a moderator deletes
// a room (same transaction), then `room:deleted` to anyone inside once the delete has committed.
import "server-only";
import { auditEntry } from "../admin/audit";
import { deleteRoom, findRoomForEdit } from "../db/rooms";
import type { SessionUser } from "../db/users";
import { forbidden, notFound } from "../errors";
import { publishRoomDeleted } from "../realtime/events";
import { canManageRoom } from "./permissions";

export interface DeletedRoom {
  id: string;
  slug: string;
  name: string;
  /** False when another request deleted it a moment before: gone either way, and that one told the room. */
  deleted: boolean;
}

export async function deleteRoomAs(
  actor: SessionUser,
  ref: { slug: string } | { id: string },
  {
    refusal = "Only the room’s host and moderators can change this room.",
    fromAdminArea = false,
  }: {
    /** What a member who may not delete it is told. */
    refusal?: string;
    /** From /admin every delete is audited, the moderator's own rooms too. */
    fromAdminArea?: boolean;
  } = {},
): Promise<DeletedRoom> {
  const room = await findRoomForEdit(ref);
  if (!room) throw notFound("room", "This room no longer exists.");
  if (!canManageRoom(actor, room)) throw forbidden("room", refusal);
  const moderating = fromAdminArea || room.hostId !== actor.id;
  const deleted = await deleteRoom({
    id: room.id,
    audit: moderating
      ? (gone) =>
          auditEntry(actor, "room.delete", { type: "room", id: gone.id, label: gone.name }, `/rooms/${gone.slug}`)
      : undefined,
  });
  // Stored first; a realtime failure is logged by publish and open pages find out on reload.
  if (deleted) await publishRoomDeleted({ roomId: room.id, slug: room.slug });
  return { id: room.id, slug: room.slug, name: room.name, deleted };
}
