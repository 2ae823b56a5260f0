// The rule that an active admin always remains. Every transaction that can take an admin away (demotion,
// deactivation, deleting an account) takes one advisory lock first, so such changes run one at a time and each check
// reads what the one before committed: two admins deleting or demoting each other at once cannot both pass.
import "server-only";
import { AppError } from "../errors";
import type { Prisma } from "./generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** The advisory lock's key: any fixed number no other lock in the app uses. */
const ADMIN_SET_LOCK = 7_215_001;

/**
 * Takes the lock (held until the transaction ends), then refuses with a 409 when `userId` is the only active admin.
 * Call it before any other statement of a transaction that changes that member's role, activation or existence.
 * `self`: the admin is acting on their own account, so the message speaks to them.
 */
export async function assertAdminRemains(
  tx: Tx,
  { userId, what, self }: { userId: string; what: string; self: boolean },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_SET_LOCK})`;
  const admins = await tx.user.findMany({
    where: { role: "ADMIN", deactivatedAt: null },
    select: { id: true },
    take: 2,
  });
  if (admins.length === 1 && admins[0]?.id === userId) {
    throw new AppError(
      "conflict:last_admin",
      self
        ? `You are the last admin: ${what}. Make someone else an admin first.`
        : `This is the only active admin: ${what}. Make someone else an admin first.`,
      409,
    );
  }
}
