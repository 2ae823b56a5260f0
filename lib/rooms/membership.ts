// Joining and leaving a room (the room page's buttons). Each changes the room's participant count, so both count
// against one per-member limit; the host cannot leave, since a room needs its host.
import "server-only";
import { enforce } from "../auth/rate-limit";
import { addParticipant, removeParticipant } from "../db/participants";
import { findRoomForEdit } from "../db/rooms";
import { AppError, notFound } from "../errors";

const MEMBERSHIP_MESSAGE = "You have joined and left rooms many times in the last minute.";

async function existingRoom(slug: string) {
  const room = await findRoomForEdit({ slug });
  if (!room) throw notFound("room", "This room no longer exists.");
  return room;
}

/** `userId` joins the room; its name, for the confirmation. Joining twice changes nothing. */
export async function joinRoomAs(actor: { id: string }, { slug }: { slug: string }): Promise<{ name: string }> {
  await enforce("roomMembership", actor.id, MEMBERSHIP_MESSAGE);
  const room = await existingRoom(slug);
  await addParticipant({ roomId: room.id, userId: actor.id });
  return { name: room.name };
}

export async function leaveRoomAs(actor: { id: string }, { slug }: { slug: string }): Promise<{ name: string }> {
  await enforce("roomMembership", actor.id, MEMBERSHIP_MESSAGE);
  const room = await existingRoom(slug);
  if (room.hostId === actor.id) {
    throw new AppError(
      "conflict:host_leave",
      "You host this room, so you can’t leave it: a room needs its host. You can delete the room instead.",
      409,
    );
  }
  await removeParticipant({ roomId: room.id, userId: actor.id });
  return { name: room.name };
}
