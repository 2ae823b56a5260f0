// Email verification: sending the link (limited; past the limit an admin is asked to help
// instead), and confirming it (a changed address also tells the old one, with a way to undo it).
import "server-only";
import { openSupportRequest } from "../db/support-requests";
import { findSessionUser, findTakenIdentities, findUserByEmail, markEmailVerified } from "../db/users";
import { env } from "../env";
import { log } from "../log";
import { sendMail } from "../mail/transport";
import { verifyEmailMail } from "../mail/templates";
import { sendEmailChangedNotice } from "./email-change-undo";
import { hit } from "./rate-limit";
import { dropUnprovenLinks } from "./unproven-links";
import { consumeToken, issueToken } from "./tokens";

export async function sendVerificationMail(user: { id: string; name: string }, email: string): Promise<void> {
  const token = await issueToken({ userId: user.id, kind: "EMAIL_VERIFICATION", email });
  const url = `${env().APP_URL}/verify-email?token=${token}`;
  await sendMail(verifyEmailMail({ to: email, name: user.name, url }));
}

export type ResendOutcome = "sent" | "support_requested" | "already_verified";

/**
 * A member asks for the link again. Within the limit a new mail goes out; past it the request is
 * recorded for the admins (one open request per address), so nobody is flooded with mail.
 */
export async function resendVerification(userId: string): Promise<ResendOutcome> {
  const user = await findSessionUser({ id: userId });
  if (!user) throw new Error(`resendVerification: no user ${userId}`);
  if (user.emailVerified) return "already_verified";
  if (!(await hit("verificationMail", user.id)).allowed) {
    await openSupportRequest({
      userId: user.id,
      email: user.email,
      kind: "RESEND_VERIFICATION",
      detail: "Asked for the verification mail again after reaching the hourly limit.",
    });
    return "support_requested";
  }
  await sendVerificationMail(user, user.email);
  return "sent";
}

/**
 * From the sign-in page, by address. Always answers the same way to the caller; only an existing,
 * unverified account gets a mail (or, past the limit, a support request).
 */
export async function resendVerificationByEmail(email: string): Promise<void> {
  const user = await findUserByEmail({ email });
  if (!user || user.emailVerifiedAt || user.deactivatedAt) return;
  await resendVerification(user.id);
}

export type VerifyOutcome =
  { ok: true; email: string } | { ok: false; reason: "invalid" | "expired" | "used" | "taken" };

export async function confirmEmail(token: string): Promise<VerifyOutcome> {
  const result = await consumeToken(token, "EMAIL_VERIFICATION");
  if (!result.ok) return result;
  const email = result.email;
  if (!email) return { ok: false, reason: "invalid" };
  // A changed address may have been taken by someone else since the link was sent.
  if ((await findTakenIdentities({ email, exceptUserId: result.userId })).email) return { ok: false, reason: "taken" };
  const before = await findSessionUser({ id: result.userId });
  await markEmailVerified({ userId: result.userId, email });
  if (before) await dropUnprovenLinks({ ...before, email }, { wasConfirmed: before.emailVerified });
  if (before && before.email !== email && before.emailVerified) await tellOldAddress(before, email);
  return { ok: true, email };
}

/**
 * The old address hears of the change, with an undo link. Only a confirmed one: an address nobody proved is theirs
 * (a typo at sign-up) must not be handed a way to take the account. The change is stored either way, so a mail
 * outage is logged, not reported as a failed confirmation.
 */
async function tellOldAddress(before: { id: string; name: string; email: string }, newEmail: string): Promise<void> {
  try {
    await sendEmailChangedNotice({ userId: before.id, name: before.name, oldEmail: before.email, newEmail });
  } catch (error) {
    log.error({ err: error }, "email-changed notice not sent");
  }
}
