// A member opens a room (/rooms/new): who may, then the per-member limit, then the room with a free slug. The admin
// area creates rooms through its own audited operation (lib/admin/operations/rooms.ts), without this limit.
import "server-only";
import { enforce } from "../auth/rate-limit";
import { createRoom, type NewRoom } from "../db/rooms";
import { forbidden } from "../errors";
import { canCreateRoom, type Actor } from "./permissions";

export async function createRoomAs(
  actor: Actor,
  room: Pick<NewRoom, "name" | "topicName" | "description">,
): Promise<{ id: string; slug: string }> {
  if (!canCreateRoom(actor)) throw forbidden("room", "Your account cannot open rooms right now.");
  await enforce("roomCreate", actor.id, "You have opened many rooms in the last hour.");
  return createRoom({ ...room, hostId: actor.id });
}
