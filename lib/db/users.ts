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
const SESSION_USER_COLUMNS = `u.id, u.email, u.username, u.name, u.role::text AS role,
          u."emailVerifiedAt" AT TIME ZONE 'UTC' AS "emailVerifiedAt", u."sessionVersion",
          u."deactivatedAt" AT TIME ZONE 'UTC' AS "deactivatedAt", u."passwordHash", u.image,
          a."updatedAt" AT TIME ZONE 'UTC' AS "avatarUpdatedAt"`;

const SESSION_USER = statement(
  "session_user",
  `SELECT ${SESSION_USER_COLUMNS} FROM "User" u LEFT JOIN "Avatar" a ON a."userId" = u.id WHERE u.id = $1`,
);

// One device's session with its user: whether it is still within its idle and absolute limits ($3, $4 seconds), and
// whether its last-seen time is older than a minute (then the caller refreshes it).
const DEVICE_SESSION_USER = statement(
  "device_session_user",
  `SELECT ${SESSION_USER_COLUMNS},
          s."provedAt" AT TIME ZONE 'UTC' AS "provedAt",
          (s."lastSeenAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => $3)
            AND s."createdAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => $4)) AS alive,
          s."lastSeenAt" < (now() AT TIME ZONE 'UTC') - interval '1 minute' AS stale
   FROM "User" u JOIN "UserSession" s ON s."userId" = u.id AND s.id = $2
   LEFT JOIN "Avatar" a ON a."userId" = u.id
   WHERE u.id = $1`,
);

type SessionUserSqlRow = Omit<SessionUserRow, "avatar"> & { avatarUpdatedAt: Date | null };

function fromSqlRow({ avatarUpdatedAt, ...user }: SessionUserSqlRow): SessionUser {
  return toSessionUser({ ...user, avatar: avatarUpdatedAt ? { updatedAt: avatarUpdatedAt } : null });
}

/** A user by id with what guards need (no session involved: mail flows, admin tools). */
export async function findSessionUser({ id }: { id: string }): Promise<SessionUser | null> {
  const row = (await run<SessionUserSqlRow>(SESSION_USER, [id]))[0];
  return row ? fromSqlRow(row) : null;
}

/** The person signed in on one device, and that device's session. */
export interface DeviceSessionUser {
  user: SessionUser;
  provedAt: Date;
  /** False once the session went idle or outlived its lifetime. */
  alive: boolean;
  /** Its last-seen time is over a minute old. */
  stale: boolean;
}

/**
 * Runs on every signed-in request, so it is one prepared statement on the pool (./statements.ts): the Prisma select
 * with the session and avatar relations would take several round trips, and even $queryRaw costs about a millisecond
 * of CPU. Null when the session row is gone (signed out there) or is not this user's.
 */
export async function findDeviceSessionUser(
  { userId, sessionId }: { userId: string; sessionId: string },
  { idleSeconds, lifetimeSeconds }: { idleSeconds: number; lifetimeSeconds: number },
): Promise<DeviceSessionUser | null> {
  const rows = await run<SessionUserSqlRow & { provedAt: Date; alive: boolean; stale: boolean }>(DEVICE_SESSION_USER, [
    userId,
    sessionId,
    idleSeconds,
    lifetimeSeconds,
  ]);
  const row = rows[0];
  if (!row) return null;
  const { provedAt, alive, stale, ...user } = row;
  return { user: fromSqlRow(user), provedAt, alive, stale };
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

/**
 * Ends every session of the user on every device: their rows go, and cookies carrying the old version are refused
 * even where a row was being created at this moment. Returns the new version.
 */
export async function bumpSessionVersion({ userId }: { userId: string }): Promise<number> {
  const [row] = await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    }),
    db.userSession.deleteMany({ where: { userId } }),
  ]);
  return row.sessionVersion;
}

/**
 * Sets a new password hash and ends the user's sessions on every device but `keepSessionId` (the one that changed it,
 * proved just now); a reset keeps none.
 */
export async function setPasswordHash({
  userId,
  passwordHash,
  keepSessionId,
}: {
  userId: string;
  passwordHash: string;
  keepSessionId?: string;
}): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } }),
    db.userSession.deleteMany({ where: { userId, ...(keepSessionId ? { NOT: { id: keepSessionId } } : {}) } }),
    ...(keepSessionId
      ? [db.userSession.updateMany({ where: { id: keepSessionId, userId }, data: { provedAt: new Date() } })]
      : []),
  ]);
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
    select: { id: true, username: true, role: true, deactivatedAt: true },
  });
}
