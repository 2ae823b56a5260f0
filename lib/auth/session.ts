// Who is calling, checked against the database on every request: a session whose device row is gone (signed out
// there, password changed or reset), idle or too old, or whose version is older than the user's (deactivated) counts
// as signed out.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { orNullForChrome } from "../chrome-read";
import { touchUserSession } from "../db/user-sessions";
import { findDeviceSessionUser, type SessionUser } from "../db/users";
import { AppError, forbidden, unauthorized } from "../errors";
import type { Role } from "../db/generated/prisma/enums";
import { sessionLifetimes } from "./device-sessions";
import { readSessionClaims, type SessionClaims } from "./session-cookie";

export type { SessionUser };

/** The person signed in, and which of their device sessions this request came through. */
export interface CurrentUser extends SessionUser {
  sessionId: string;
  /** When this device last proved who is using it (sign-in, password typed again): see lib/auth/recent-proof.ts. */
  provedAt: Date;
}

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => sessionUserFor(await readSessionClaims()));

/** The user a session's claims name, while that device session is still live and theirs; else null. */
export async function sessionUserFor(claims: SessionClaims | null): Promise<CurrentUser | null> {
  if (!claims) return null;
  const found = await findDeviceSessionUser({ userId: claims.sub, sessionId: claims.sid }, sessionLifetimes());
  if (!found?.alive || found.user.deactivated || found.user.sessionVersion !== claims.sv) return null;
  if (found.stale) await touchUserSession({ id: claims.sid });
  return { ...found.user, sessionId: claims.sid, provedAt: found.provedAt };
}

/**
 * For the page's chrome (header, banners): the user, or null also when the database cannot say.
 * The page itself reports an outage; the chrome still renders. Logged once per request.
 */
export const getCurrentUserForChrome = cache((): Promise<CurrentUser | null> => orNullForChrome(getCurrentUser()));

const ROLE_RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

export function hasRole(user: Pick<SessionUser, "role">, role: Role): boolean {
  return ROLE_RANK[user.role] >= ROLE_RANK[role];
}

/** For server actions and route handlers: the user, or a 401/403 AppError. */
export async function requireUser(options: { verified?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  if (options.verified && !user.emailVerified) {
    throw new AppError("forbidden:unverified", "Please confirm your email address first.", 403);
  }
  return user;
}

export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasRole(user, role)) throw forbidden("role", "You do not have permission to do that.");
  return user;
}

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUserOrRedirect(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
