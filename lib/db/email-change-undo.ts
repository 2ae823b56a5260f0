// The write behind undoing an email change (lib/auth/email-change-undo.ts), as one transaction:
// either the old address is back, the link spent, the account's other open links retired and every session on every
// device ended, or nothing changed.
import "server-only";
import { db } from "./client";
import { isUniqueViolation } from "./unique-violation";

export type RestoreEmailResult = "restored" | "used" | "taken";

/**
 * Claims the undo token (only while unused and unexpired: of two submits, one wins), puts `email` back on the
 * account as verified, ends every session it has, and retires its open verification and reset links, and the undo
 * links of later changes (what they would restore is what this undoes). "taken": another account holds the address
 * now; nothing changed.
 */
export async function restoreEmailWithUndoToken(input: {
  tokenId: string;
  userId: string;
  email: string;
  /** When the token was made: undo links made since belong to later changes. */
  issuedAt: Date;
  now: Date;
}): Promise<RestoreEmailResult> {
  const { tokenId, userId, email, issuedAt, now } = input;
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.oneTimeToken.updateMany({
        where: { id: tokenId, userId, kind: "EMAIL_CHANGE_UNDO", usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return "used";
      // The unique index on email refuses an address another account holds, and rolls the claim back with it.
      await tx.user.update({
        where: { id: userId },
        data: { email: email.toLowerCase(), emailVerifiedAt: now, sessionVersion: { increment: 1 } },
      });
      await tx.userSession.deleteMany({ where: { userId } });
      await tx.oneTimeToken.updateMany({
        where: {
          userId,
          usedAt: null,
          OR: [
            { kind: { in: ["EMAIL_VERIFICATION", "PASSWORD_RESET"] } },
            { kind: "EMAIL_CHANGE_UNDO", createdAt: { gte: issuedAt } },
          ],
        },
        data: { usedAt: now },
      });
      return "restored";
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) return "taken";
    throw error;
  }
}
