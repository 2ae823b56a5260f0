// The caller of a chat operation: passed explicitly (null when signed out) so the rules are tested
// without a request.
import "server-only";
import type { SessionUser } from "../db/users";
import { AppError, unauthorized } from "../errors";

/** What the chat rules need to know about the caller (a SessionUser has all of it). */
export type ChatActor = Pick<SessionUser, "id" | "role" | "emailVerified" | "deactivated">;

/** What a sender may be refused for: not signed in (or the session ended), deactivated, unverified. */
export interface PosterState {
  emailVerified: boolean;
  deactivated: boolean;
}

/** Signed in and active: 401 / 403 otherwise. */
export function requireActive<T extends Pick<ChatActor, "deactivated">>(actor: T | null): T {
  if (!actor) throw unauthorized("Please sign in to take part in the conversation.");
  if (actor.deactivated) throw new AppError("forbidden:deactivated", "This account is deactivated.", 403);
  return actor;
}

/** Posting, editing and reacting need a verified email too (the send statement reads the same state itself). */
export function requirePoster<T extends PosterState>(actor: T | null): T {
  const active = requireActive(actor);
  if (!active.emailVerified)
    throw new AppError("forbidden:unverified", "Please confirm your email address before you post.", 403);
  return active;
}
