// A member's away-email choice (User.awayEmails): read by the settings page, set by it and by an email's
// unsubscribe link. The worker's own queries live in ./away-emails.ts.
import "server-only";
import { db } from "./client";
import type { AwayEmailMode } from "./generated/prisma/enums";

/** The member's choice and address, or null when no such account. */
export async function findAwayEmailSetting({
  userId,
}: {
  userId: string;
}): Promise<{ mode: AwayEmailMode; email: string } | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { awayEmails: true, email: true } });
  return row && { mode: row.awayEmails, email: row.email };
}

/** Sets the choice; the address (for the unsubscribe page's masked copy), or null when no such account. */
export async function setAwayEmailMode({
  userId,
  mode,
}: {
  userId: string;
  mode: AwayEmailMode;
}): Promise<{ email: string } | null> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { awayEmails: mode } });
  if (count === 0) return null;
  const row = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return row && { email: row.email };
}
