// Writes on a member's account by moderators: role, deactivation, email verified, each with its
// audit entry in the same transaction. The last active admin keeps the role and stays active
// (./last-admin.ts: the check and the change in one transaction, under one lock).
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import type { Prisma, Role } from "./generated/prisma/client";
import { notFound } from "../errors";
import { assertAdminRemains } from "./last-admin";

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
  actorId,
  audit,
}: {
  id: string;
  role: Role;
  /** Who asks: an admin giving up their own role is told so in their words. */
  actorId: string;
  audit: (info: { username: string; from: Role }) => AuditEntryInput;
}) {
  return db.$transaction(async (tx) => {
    const self = actorId === id;
    if (role !== "ADMIN") {
      await assertAdminRemains(tx, {
        userId: id,
        what: self ? "you cannot give up the role" : "the role cannot be taken away",
        self,
      });
    }
    const user = await memberOrThrow(id, tx);
    if (user.role === role) return { username: user.username, from: user.role, changed: false };
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
    if (deactivated) await assertAdminRemains(tx, { userId: id, what: "they cannot be deactivated", self: false });
    const user = await memberOrThrow(id, tx);
    if ((user.deactivatedAt !== null) === deactivated) return { username: user.username, changed: false };
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
