// User queries. Emails and usernames are stored lower-case, so lookups compare lower-case.
import "server-only";
import { db } from "./client";
import type { Prisma, Role } from "./generated/prisma/client";
import { run, statement } from "./statements";

/** What the session and guards need about the person signed in. */
export interface SessionUser {
  id: string;
  email: string;
  username: string;
  name: string;
  role: Role;
  emailVerified: boolean;
  sessionVersion: number;
  deactivated: boolean;
  hasPassword: boolean;
  avatarUrl: string | null;
}

/** The columns findSessionUser reads (one statement, see there). */
interface SessionUserRow {
  id: string;
  email: string;
  username: string;
  name: string;
  role: Role;
  emailVerifiedAt: Date | null;
  sessionVersion: number;
  deactivatedAt: Date | null;
  passwordHash: string | null;
  image: string | null;
  avatar: { updatedAt: Date } | null;
}

/** The avatar to show: an upload (served by /api/avatars), else the provider's picture. */
export function avatarUrlOf(user: {
  id: string;
  image: string | null;
  avatar: { updatedAt: Date } | null;
}): string | null {
  if (user.avatar) return `/api/avatars/${user.id}?v=${user.avatar.updatedAt.getTime()}`;
  return user.image;
}

/** Who someone is in public (a room's host, a member in a list): no email, no role. */
export interface UserSummary {
  id: string;
  username: string;
  name: string;
  avatarUrl: string | null;
}

/** The columns a UserSummary is made from. */
export const userSummarySelect = {
  id: true,
  username: true,
  name: true,
  image: true,
  avatar: { select: { updatedAt: true } },
} satisfies Prisma.UserSelect;

export function toUserSummary(row: Prisma.UserGetPayload<{ select: typeof userSummarySelect }>): UserSummary {
  return { id: row.id, username: row.username, name: row.name, avatarUrl: avatarUrlOf(row) };
}

function toSessionUser(row: SessionUserRow): SessionUser {
  const { emailVerifiedAt, deactivatedAt, passwordHash, image, avatar, ...user } = row;
  return {
    ...user,
    emailVerified: emailVerifiedAt !== null,
    deactivated: deactivatedAt !== null,
    hasPassword: passwordHash !== null,
    avatarUrl: avatarUrlOf({ id: user.id, image, avatar }),
  };
}

// Timestamps leave as timestamptz (AT TIME ZONE 'UTC'): pg, unlike Prisma, would read a bare timestamp as local time.
const SESSION_USER = statement(
  "session_user",
  `SELECT u.id, u.email, u.username, u.name, u.role::text AS role, u."emailVerifiedAt" AT TIME ZONE 'UTC' AS "emailVerifiedAt",
          u."sessionVersion", u."deactivatedAt" AT TIME ZONE 'UTC' AS "deactivatedAt", u."passwordHash", u.image,
          a."updatedAt" AT TIME ZONE 'UTC' AS "avatarUpdatedAt"
   FROM "User" u LEFT JOIN "Avatar" a ON a."userId" = u.id
   WHERE u.id = $1`,
);

/**
 * Runs on every signed-in request, so it is one prepared statement on the pool (./statements.ts): the Prisma select
 * with the avatar relation would take two round trips, and even $queryRaw costs about a millisecond of CPU.
 */
export async function findSessionUser({ id }: { id: string }): Promise<SessionUser | null> {
  const rows = await run<Omit<SessionUserRow, "avatar"> & { avatarUpdatedAt: Date | null }>(SESSION_USER, [id]);
  const row = rows[0];
  if (!row) return null;
  const { avatarUpdatedAt, ...user } = row;
  return toSessionUser({ ...user, avatar: avatarUpdatedAt ? { updatedAt: avatarUpdatedAt } : null });
}

/** For sign-in: by email (if it has an @) or username, with the password hash. */
export async function findUserForSignIn({ identifier }: { identifier: string }) {
  const key = identifier.trim().toLowerCase();
  return db.user.findUnique({
    where: key.includes("@") ? { email: key } : { username: key },
    select: { id: true, passwordHash: true, deactivatedAt: true, sessionVersion: true },
  });
}

export async function findUserByEmail({ email }: { email: string }) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, name: true, emailVerifiedAt: true, deactivatedAt: true, passwordHash: true },
  });
}

export async function findPasswordHash({ userId }: { userId: string }): Promise<string | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return row?.passwordHash ?? null;
}

/** Which of email and username are already taken (lower-case compare). */
export async function findTakenIdentities({
  email,
  username,
  exceptUserId,
}: {
  email?: string;
  username?: string;
  exceptUserId?: string;
}) {
  const rows = await db.user.findMany({
    where: {
      OR: [
        ...(email ? [{ email: email.toLowerCase() }] : []),
        ...(username ? [{ username: username.toLowerCase() }] : []),
      ],
      ...(exceptUserId ? { NOT: { id: exceptUserId } } : {}),
    },
    select: { email: true, username: true },
  });
  return {
    email: email ? rows.some((r) => r.email === email.toLowerCase()) : false,
    username: username ? rows.some((r) => r.username === username.toLowerCase()) : false,
  };
}

export async function createUser(input: {
  email: string;
  username: string;
  name: string;
  passwordHash: string | null;
  emailVerifiedAt?: Date | null;
  image?: string | null;
  role?: Role;
}): Promise<{ id: string; sessionVersion: number }> {
  return db.user.create({
    data: { ...input, email: input.email.toLowerCase(), username: input.username.toLowerCase() },
    select: { id: true, sessionVersion: true },
  });
}

export async function markEmailVerified({ userId, email }: { userId: string; email: string }): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { email: email.toLowerCase(), emailVerifiedAt: new Date() } });
}

/** Ends every session of the user: their cookies carry the old number. Returns the new one. */
export async function bumpSessionVersion({ userId }: { userId: string }): Promise<number> {
  const row = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return row.sessionVersion;
}

/** Sets a new password hash and ends every session; returns the new session version. */
export async function setPasswordHash({
  userId,
  passwordHash,
}: {
  userId: string;
  passwordHash: string;
}): Promise<number> {
  const row = await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return row.sessionVersion;
}

/** Usernames starting with `base`, to find a free one. */
export async function listUsernamesStartingWith({ base }: { base: string }): Promise<string[]> {
  const rows = await db.user.findMany({ where: { username: { startsWith: base } }, select: { username: true } });
  return rows.map((r) => r.username);
}

/** The ids of every moderator and admin (a handful of accounts), for the room page's "Moderate" offers. */
export async function listStaffIds(): Promise<string[]> {
  const rows = await db.user.findMany({ where: { role: { not: "MEMBER" } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** The account behind a username, for forms that name a member (host, filter). */
export async function findMemberIdByUsername({ username }: { username: string }) {
  return db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, username: true, deactivatedAt: true },
  });
}
