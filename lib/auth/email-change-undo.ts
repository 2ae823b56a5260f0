// Undoing an email change from the old address (security issue 15): once a new address is confirmed, the old one
// gets a notice with a link that puts it back, as verified, and signs every device out. Links last 7 days, work once.
import "server-only";
import { restoreEmailWithUndoToken } from "../db/email-change-undo";
import { findTokenByHash } from "../db/tokens";
import { env } from "../env";
import { maskEmail } from "../mail/mask-email";
import { emailChangedMail } from "../mail/templates";
import { sendMail } from "../mail/transport";
import { tokenSchema } from "../validation/account";
import { hashToken, issueToken } from "./tokens";

/** Mails `oldEmail` that the account now uses `newEmail`, with the undo link. Call once the change is stored. */
export async function sendEmailChangedNotice(input: {
  userId: string;
  name: string;
  oldEmail: string;
  newEmail: string;
}): Promise<void> {
  const token = await issueToken({ userId: input.userId, kind: "EMAIL_CHANGE_UNDO", email: input.oldEmail });
  const url = `${env().APP_URL}/undo-email-change?token=${token}`;
  await sendMail(
    emailChangedMail({ to: input.oldEmail, name: input.name, url, maskedNewEmail: maskEmail(input.newEmail) }),
  );
}

export type UndoLinkProblem = "invalid" | "expired" | "used";

interface UndoLink {
  tokenId: string;
  userId: string;
  email: string;
  issuedAt: Date;
}

/** The undo link behind `token`, or why it cannot be used. Malformed, unknown and other kinds alike are "invalid". */
async function readUndoLink(
  token: unknown,
  now: Date,
): Promise<{ ok: true; link: UndoLink } | { ok: false; reason: UndoLinkProblem }> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const row = await findTokenByHash({ tokenHash: hashToken(parsed.data) });
  if (!row || row.kind !== "EMAIL_CHANGE_UNDO" || !row.email) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, link: { tokenId: row.id, userId: row.userId, email: row.email, issuedAt: row.createdAt } };
}

export type UndoLinkState = { ok: true; maskedEmail: string } | { ok: false; reason: UndoLinkProblem };

/**
 * What the undo page shows for its link: read only, since mail scanners open links; the masked address it would
 * restore, or why it will not work (never whose link it is).
 */
export async function inspectUndoLink(token: unknown, now = new Date()): Promise<UndoLinkState> {
  const read = await readUndoLink(token, now);
  return read.ok ? { ok: true, maskedEmail: maskEmail(read.link.email) } : read;
}

export type UndoOutcome = { ok: true; maskedEmail: string } | { ok: false; reason: UndoLinkProblem | "taken" };

/** Puts the old address back (verified), spends the link, retires the account's other open links, ends sessions. */
export async function undoEmailChange(token: unknown, now = new Date()): Promise<UndoOutcome> {
  const read = await readUndoLink(token, now);
  if (!read.ok) return read;
  const { link } = read;
  const result = await restoreEmailWithUndoToken({ ...link, now });
  if (result !== "restored") return { ok: false, reason: result };
  return { ok: true, maskedEmail: maskEmail(link.email) };
}
