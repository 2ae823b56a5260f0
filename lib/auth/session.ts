// Who is calling, checked against the database on every request: a session whose version is
// older than the user's (signed out, password changed, deactivated) counts as signed out.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { orNullForChrome } from "../chrome-read";
import { findSessionUser, type SessionUser } from "../db/users";
import { AppError, forbidden, unauthorized } from "../errors";
import type { Role } from "../db/generated/prisma/enums";
import { readSessionClaims, type SessionClaims } from "./session-cookie";

export type { SessionUser };

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => sessionUserFor(await readSessionClaims()));

/** The user a session's claims name, while that session is still theirs (same version, not deactivated); else null. */
export async function sessionUserFor(claims: SessionClaims | null): Promise<SessionUser | null> {
  if (!claims) return null;
  const user = await findSessionUser({ id: claims.sub });
  if (!user || user.deactivated || user.sessionVersion !== claims.sv) return null;
  return user;
}

/**
 * For the page's chrome (header, banners): the user, or null also when the database cannot say.
 * The page itself reports an outage; the chrome still renders. Logged once per request.
 */
export const getCurrentUserForChrome = cache((): Promise<SessionUser | null> => orNullForChrome(getCurrentUser()));

const ROLE_RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

export function hasRole(user: Pick<SessionUser, "role">, role: Role): boolean {
  return ROLE_RANK[user.role] >= ROLE_RANK[role];
}

/** For server actions and route handlers: the user, or a 401/403 AppError. */
export async function requireUser(options: { verified?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  if (options.verified && !user.emailVerified) {
    throw new AppError("forbidden:unverified", "Please confirm your email address first.", 403);
  }
  return user;
}

export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasRole(user, role)) throw forbidden("role", "You do not have permission to do that.");
  return user;
}

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUserOrRedirect(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
