// Password reset: the request always answers the same way; the link works once, for an hour;
// setting the new password ends every session and sends a notice.
import "server-only";
import { findSessionUser, findUserByEmail, setPasswordHash } from "../db/users";
import { env } from "../env";
import { invalid } from "../errors";
import { passwordChangedMail, resetPasswordMail } from "../mail/templates";
import { sendMail } from "../mail/transport";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { dropUnprovenLinks } from "./unproven-links";
import { hit } from "./rate-limit";
import { consumeToken, issueToken } from "./tokens";

/** Sends a reset link when the address belongs to an active account (and within the limits). */
export async function requestPasswordReset(email: string, ip: string): Promise<void> {
  const [byEmail, byIp] = await Promise.all([hit("passwordResetEmail", email), hit("passwordResetIp", ip)]);
  if (!byEmail.allowed || !byIp.allowed) return;
  const user = await findUserByEmail({ email });
  if (!user || user.deactivatedAt) return;
  const token = await issueToken({ userId: user.id, kind: "PASSWORD_RESET" });
  await sendMail(
    resetPasswordMail({ to: user.email, name: user.name, url: `${env().APP_URL}/reset-password?token=${token}` }),
  );
}

export type ResetOutcome = { ok: true } | { ok: false; reason: "invalid" | "expired" | "used" };

/** Checks the new password first (so a typo does not burn the link), then claims the token. */
export async function resetPassword(token: string, password: string): Promise<ResetOutcome> {
  const problem = passwordProblem(password);
  if (problem) throw invalid({ password: problem });
  const passwordHash = await hashPassword(password);
  const result = await consumeToken(token, "PASSWORD_RESET");
  if (!result.ok) return result;
  await setPasswordHash({ userId: result.userId, passwordHash });
  const user = await findSessionUser({ id: result.userId });
  if (user) {
    // The link reached the address's owner: sign-ins linked while it was unconfirmed may be someone else's.
    await dropUnprovenLinks(user, { wasConfirmed: user.emailVerified });
    await sendMail(passwordChangedMail({ to: user.email, name: user.name, url: `${env().APP_URL}/forgot-password` }));
  }
  return { ok: true };
}

export async function sendPasswordChangedNotice(userId: string): Promise<void> {
  const user = await findSessionUser({ id: userId });
  if (user)
    await sendMail(passwordChangedMail({ to: user.email, name: user.name, url: `${env().APP_URL}/forgot-password` }));
}
