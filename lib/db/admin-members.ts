// Member queries for the admin area: search, a member's page (rooms, messages, sign-in
// providers, restrictions), and the writes (role, deactivation, email verified), each with its
// audit entry in the same transaction. Rules that need a consistent view of all admins (the last
// admin keeps the role) lock the admin rows first.
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { ADMIN_PAGE_SIZE, type Paged } from "./admin-rooms";
import type { Prisma, Role } from "./generated/prisma/client";
import { avatarUrlOf } from "./users";
import { AppError, notFound } from "../errors";

type Tx = Prisma.TransactionClient;

export interface AdminMemberRow {
  id: string;
  username: string;
  name: string;
  email: string;
  role: Role;
  emailVerified: boolean;
  deactivated: boolean;
  createdAt: Date;
  avatarUrl: string | null;
}

const memberSelect = {
  id: true,
  username: true,
  name: true,
  email: true,
  role: true,
  emailVerifiedAt: true,
  deactivatedAt: true,
  createdAt: true,
  image: true,
  avatar: { select: { updatedAt: true } },
} satisfies Prisma.UserSelect;

type MemberRow = Prisma.UserGetPayload<{ select: typeof memberSelect }>;

function toRow(row: MemberRow): AdminMemberRow {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    deactivated: row.deactivatedAt !== null,
    createdAt: row.createdAt,
    avatarUrl: avatarUrlOf(row),
  };
}

export interface AdminMemberListInput {
  q?: string;
  role?: "all" | Role;
  status?: "all" | "active" | "deactivated" | "unverified";
  page?: number;
  pageSize?: number;
}

/** Members matching a name, username or email substring, newest first. */
export async function searchMembers({
  q,
  role = "all",
  status = "all",
  page = 1,
  pageSize = ADMIN_PAGE_SIZE,
}: AdminMemberListInput = {}): Promise<Paged<AdminMemberRow>> {
  const text = q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(role !== "all" ? { role } : {}),
    ...(status === "active"
      ? { deactivatedAt: null }
      : status === "deactivated"
        ? { deactivatedAt: { not: null } }
        : status === "unverified"
          ? { emailVerifiedAt: null }
          : {}),
    ...(text
      ? {
          OR: [
            { name: { contains: text, mode: "insensitive" } },
            { username: { contains: text.replace(/^@/, "").toLowerCase() } },
            { email: { contains: text.toLowerCase() } },
          ],
        }
      : {}),
  };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.user.findMany({
    where,
    select: memberSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
  });
  return { rows: rows.map(toRow), total, page: current, pageCount };
}

export async function countMembers(): Promise<number> {
  return db.user.count({ where: { deactivatedAt: null } });
}

export interface AdminMemberDetail extends AdminMemberRow {
  bio: string;
  /** "password" plus each linked OAuth provider. */
  providers: string[];
  hostedRooms: Array<{ id: string; slug: string; name: string }>;
  joinedRooms: Array<{ id: string; slug: string; name: string }>;
  joinedRoomCount: number;
  messageCount: number;
  recentMessages: Array<{
    id: number;
    body: string;
    createdAt: Date;
    room: { id: string; slug: string; name: string };
  }>;
  restrictions: Array<{
    id: string;
    kind: "MUTE" | "BAN";
    until: Date | null;
    reason: string;
    room: { id: string; slug: string; name: string };
  }>;
}

export async function findAdminMember({
  username,
  now = new Date(),
}: {
  username: string;
  now?: Date;
}): Promise<AdminMemberDetail | null> {
  const row = await db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: {
      ...memberSelect,
      bio: true,
      passwordHash: true,
      accounts: { select: { provider: true }, orderBy: { provider: "asc" } },
      hostedRooms: { select: { id: true, slug: true, name: true }, orderBy: { name: "asc" }, take: 50 },
      participations: {
        select: { room: { select: { id: true, slug: true, name: true } } },
        orderBy: { joinedAt: "desc" },
        take: 50,
      },
      messages: {
        where: { deletedAt: null },
        orderBy: { id: "desc" },
        take: 20,
        select: { id: true, body: true, createdAt: true, room: { select: { id: true, slug: true, name: true } } },
      },
      restrictions: {
        where: { OR: [{ until: null }, { until: { gt: now } }] },
        select: {
          id: true,
          kind: true,
          until: true,
          reason: true,
          room: { select: { id: true, slug: true, name: true } },
        },
      },
      _count: { select: { participations: true, messages: { where: { deletedAt: null } } } },
    },
  });
  if (!row) return null;
  return {
    ...toRow(row),
    bio: row.bio,
    providers: [...(row.passwordHash ? ["password"] : []), ...row.accounts.map((a) => a.provider)],
    hostedRooms: row.hostedRooms,
    joinedRooms: row.participations.map((p) => p.room),
    joinedRoomCount: row._count.participations,
    messageCount: row._count.messages,
    recentMessages: row.messages,
    restrictions: row.restrictions,
  };
}

/** What the member actions need about their target. */
export async function findMemberTarget({ id }: { id: string }) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      name: true,
      email: true,
      role: true,
      emailVerifiedAt: true,
      deactivatedAt: true,
    },
  });
}

export async function findMemberIdByUsername({ username }: { username: string }) {
  return db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, username: true, deactivatedAt: true },
  });
}

export function lastAdminError(what: string): AppError {
  return new AppError(
    "conflict:last_admin",
    `This is the only active admin: ${what}. Make someone else an admin first.`,
    409,
  );
}

/**
 * Locks every active admin's row and tells whether anyone other than `userId` is one. Every
 * change that could remove the last admin calls this first in its transaction, so two admins
 * demoting each other at once cannot both succeed.
 */
export async function anotherActiveAdminExists(userId: string, tx: Tx): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND "deactivatedAt" IS NULL ORDER BY id FOR UPDATE`;
  return rows.some((r) => r.id !== userId);
}

async function memberOrThrow(id: string, tx: Tx) {
  const user = await tx.user.findUnique({
    where: { id },
    select: { id: true, username: true, role: true, deactivatedAt: true, emailVerifiedAt: true, email: true },
  });
  if (!user) throw notFound("user", "This member no longer exists.");
  return user;
}

/** Changes the role; the last active admin cannot lose it. The new role applies at once: it is
 * read per request, not cached in the session. */
export async function adminSetRole({
  id,
  role,
  audit,
}: {
  id: string;
  role: Role;
  audit: (info: { username: string; from: Role }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    const user = await memberOrThrow(id, tx);
    if (user.role === role) return { username: user.username, from: user.role, changed: false };
    if (user.role === "ADMIN" && !(await anotherActiveAdminExists(id, tx)))
      throw lastAdminError("the role cannot be taken away");
    await tx.user.update({ where: { id }, data: { role } });
    await writeAuditEntry(audit({ username: user.username, from: user.role }), tx);
    return { username: user.username, from: user.role, changed: true };
  });
}

/**
 * Deactivates (every session ends at once: the session version is bumped) or reactivates a
 * member. Their rooms and messages stay. The last active admin cannot be deactivated.
 */
export async function adminSetDeactivated({
  id,
  deactivated,
  audit,
}: {
  id: string;
  deactivated: boolean;
  audit: (info: { username: string }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    const user = await memberOrThrow(id, tx);
    if ((user.deactivatedAt !== null) === deactivated) return { username: user.username, changed: false };
    if (deactivated && user.role === "ADMIN" && !(await anotherActiveAdminExists(id, tx)))
      throw lastAdminError("they cannot be deactivated");
    await tx.user.update({
      where: { id },
      data: deactivated ? { deactivatedAt: new Date(), sessionVersion: { increment: 1 } } : { deactivatedAt: null },
    });
    await writeAuditEntry(audit({ username: user.username }), tx);
    return { username: user.username, changed: true };
  });
}

/** Marks the member's current address verified (and retires their open verification links). */
export async function adminMarkEmailVerified({
  id,
  audit,
}: {
  id: string;
  audit: (info: { username: string; email: string }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    const user = await memberOrThrow(id, tx);
    if (user.emailVerifiedAt) return { username: user.username, email: user.email, changed: false };
    const now = new Date();
    await tx.user.update({ where: { id }, data: { emailVerifiedAt: now } });
    await tx.oneTimeToken.updateMany({
      where: { userId: id, kind: "EMAIL_VERIFICATION", usedAt: null, email: user.email },
      data: { usedAt: now },
    });
    await writeAuditEntry(audit({ username: user.username, email: user.email }), tx);
    return { username: user.username, email: user.email, changed: true };
  });
}

/** Checks, in a transaction that holds the admin rows, that deleting `id` leaves an admin. */
export async function assertNotLastAdmin({ id }: { id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await memberOrThrow(id, tx);
    if (user.role === "ADMIN" && user.deactivatedAt === null && !(await anotherActiveAdminExists(id, tx))) {
      throw lastAdminError("their account cannot be deleted");
    }
  });
}

/** The ids of every moderator and admin (a handful of accounts), for the room page's "Moderate" offers. */
export async function listStaffIds(): Promise<string[]> {
  const rows = await db.user.findMany({ where: { role: { not: "MEMBER" } }, select: { id: true } });
  return rows.map((row) => row.id);
}
