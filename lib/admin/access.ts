// Who may enter /admin and run each admin action: pure rules shared by the page guard, the action
// runner and the tests. Everyone below MODERATOR (signed out included) is told nothing exists
// here (404); a moderator reaching for an admin-only action is told why not (403).
import type { Role } from "../db/generated/prisma/enums";
import { AppError } from "../errors";
import type { AdminRole } from "./registry";

const RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

/** What the rules need about the caller; a SessionUser has all of it. */
export interface AdminActor {
  id: string;
  username: string;
  role: Role;
  deactivated?: boolean;
}

export type AdminAccess = "allowed" | "hidden" | "forbidden";

export function adminAccess(user: Pick<AdminActor, "role" | "deactivated"> | null, minRole: AdminRole): AdminAccess {
  if (!user || user.deactivated || RANK[user.role] < RANK.MODERATOR) return "hidden";
  return RANK[user.role] >= RANK[minRole] ? "allowed" : "forbidden";
}

export const isAdmin = (user: Pick<AdminActor, "role">) => user.role === "ADMIN";

/** Whom an action is done to: the member themself, or the author/owner of what it touches. */
export interface ActionTarget {
  id: string;
  role: Role;
}

/**
 * The one rank rule for every action on a member or their content (messages, email, avatar,
 * account): admins act on anyone; everyone else only on members, and on themselves.
 * Self-service refusals (deactivating yourself …) are each action's own business.
 */
export function mayActOn(actor: Pick<AdminActor, "id" | "role">, target: ActionTarget): boolean {
  return actor.role === "ADMIN" || target.role === "MEMBER" || actor.id === target.id;
}

/** mayActOn, or a 403 saying who may: `what` completes "Only admins can … a moderator or an admin". */
export function assertMayActOn(actor: Pick<AdminActor, "id" | "role">, target: ActionTarget, what: string): void {
  if (!mayActOn(actor, target))
    throw new AppError("forbidden:admin_target", `Only admins can ${what} a moderator or an admin.`, 403);
}

export function adminHidden(): AppError {
  return new AppError("not_found:admin", "Not found.", 404);
}

export function adminOnly(): AppError {
  return new AppError("forbidden:admin_only", "Only admins can do this. Ask an admin if it needs doing.", 403);
}

/** The caller as an admin-area actor, or the 404/403 AppError. */
export function assertAdminAccess<T extends AdminActor>(user: T | null, minRole: AdminRole): T {
  const access = adminAccess(user, minRole);
  if (access === "hidden" || !user) throw adminHidden();
  if (access === "forbidden") throw adminOnly();
  return user;
}
