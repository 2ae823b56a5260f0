// Per-device sessions (UserSession rows): created at sign-in, named by the session cookie, ended by deleting the row.
// The per-request check that reads them is findSessionUser (./users.ts), one statement with the user.
import "server-only";
import { db } from "./client";
import { run, statement } from "./statements";

/** A signed-in device as Settings lists it. */
export interface UserSessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  method: string;
  userAgent: string;
  ip: string | null;
}

/** How long sessions live, in seconds (from env: lib/auth/device-sessions.ts). */
export interface SessionLifetimes {
  idleSeconds: number;
  lifetimeSeconds: number;
}

export async function createUserSession(row: {
  id: string;
  userId: string;
  method: string;
  userAgent: string;
  ip: string | null;
}): Promise<void> {
  await db.userSession.create({ data: row });
}

/** A fresh sign-in on a device already signed in as this user: the same session, signed in now. False when gone. */
export async function reproveUserSession({
  id,
  userId,
  method,
}: {
  id: string;
  userId: string;
  method: string;
}): Promise<boolean> {
  const now = new Date();
  const { count } = await db.userSession.updateMany({
    where: { id, userId },
    data: { createdAt: now, provedAt: now, lastSeenAt: now, method },
  });
  return count > 0;
}

/** The password typed again on this device (Settings): it counts as a fresh proof here. */
export async function markUserSessionProved({ id, userId }: { id: string; userId: string }): Promise<void> {
  await db.userSession.updateMany({ where: { id, userId }, data: { provedAt: new Date() } });
}

/** Ends one session of the user; false when it was not theirs or already ended. */
export async function deleteUserSession({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const { count } = await db.userSession.deleteMany({ where: { id, userId } });
  return count > 0;
}

/** Ends every session of the user, or every one but `exceptId`. Returns how many ended. */
export async function deleteUserSessions({ userId, exceptId }: { userId: string; exceptId?: string }): Promise<number> {
  const { count } = await db.userSession.deleteMany({
    where: { userId, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
  });
  return count;
}

/** The user's live sessions, most recently used first; the ones past their time are deleted on the way. */
export async function listUserSessions(
  { userId }: { userId: string },
  { idleSeconds, lifetimeSeconds }: SessionLifetimes,
): Promise<UserSessionRow[]> {
  const now = Date.now();
  const idleSince = new Date(now - idleSeconds * 1000);
  const bornSince = new Date(now - lifetimeSeconds * 1000);
  await db.userSession.deleteMany({
    where: { userId, OR: [{ lastSeenAt: { lt: idleSince } }, { createdAt: { lt: bornSince } }] },
  });
  return db.userSession.findMany({
    where: { userId },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, method: true, userAgent: true, ip: true },
  });
}

const TOUCH_SESSION = statement(
  "touch_session",
  `UPDATE "UserSession" SET "lastSeenAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`,
);

/** Records that the session was just used (the session check calls it at most once a minute per session). */
export async function touchUserSession({ id }: { id: string }): Promise<void> {
  await run(TOUCH_SESSION, [id]);
}
