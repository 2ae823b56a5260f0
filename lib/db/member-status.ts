// Writes on a member's account by moderators: role, deactivation, email verified, each with its
// audit entry in the same transaction. Rules that need a consistent view of all admins (the last
// admin keeps the role) lock the admin rows first.
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import type { Prisma, Role } from "./generated/prisma/client";
import { AppError, notFound } from "../errors";

type Tx = Prisma.TransactionClient;

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

export function lastAdminError(what: string): AppError {
  return new AppError(
    "conflict:last_admin",
    `This is the only active admin: ${what}. Make someone else an admin first.`,
    409,
  );
}

/**
 * Locks every active admin's row; call it first in any transaction that could remove the last admin, so two admins
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
export async function setMemberRole({
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
export async function setMemberDeactivated({
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
export async function markMemberEmailVerified({
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
