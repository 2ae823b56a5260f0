// Who may do what with a room. Pure functions, so pages, actions and tests share one rule.
import type { Role } from "../db/generated/prisma/enums";

export interface Actor {
  id: string;
  role: Role;
  emailVerified: boolean;
  deactivated?: boolean;
}

const isModerator = (actor: Actor) => actor.role === "MODERATOR" || actor.role === "ADMIN";

/** Opening a room needs a verified, active member. */
export function canCreateRoom(actor: Actor | null): boolean {
  return !!actor && actor.emailVerified && !actor.deactivated;
}

/** Editing and deleting: the host, or a moderator. */
export function canManageRoom(actor: Actor | null, room: { hostId: string | null }): boolean {
  if (!actor || actor.deactivated) return false;
  return (room.hostId !== null && room.hostId === actor.id) || isModerator(actor);
}
