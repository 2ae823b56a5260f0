// Sign-up with email and password. A taken username is a field error (usernames are public); a
// taken email is not revealed: register() resolves the same way for both (and signs nobody in, so
// no session cookie tells them apart); only the inbox differs: a confirmation link for a new
// account, a "someone tried to sign up with your address" notice for an existing one.
import "server-only";
import { isUniqueViolation } from "../db/unique-violation";
import { createUser, findTakenIdentities } from "../db/users";
import { env } from "../env";
import { log } from "../log";
import { invalid, fieldErrorsOf } from "../errors";
import { sendMail } from "../mail/transport";
import { registerSchema } from "../validation/account";
import { sendVerificationMail } from "./email-verification";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { enforce } from "./rate-limit";

/**
 * The part of sign-up that shapes the answer: the form, the limit, the password hash and the username check, the same
 * work whatever the address. It returns the rest, which differs by address (create the account and mail a link, or
 * mail the owner): the form action runs that after the response (after()), so not even the timing tells them apart.
 */
export async function startSignUp(input: unknown, ip: string): Promise<() => Promise<void>> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const { email, username, name, password } = parsed.data;
  const problem = passwordProblem(password, { email, username });
  if (problem) throw invalid({ password: problem });
  await enforce("register", ip, "Too many sign-ups from your network.");

  const passwordHash = await hashPassword(password);
  const taken = await findTakenIdentities({ email, username });
  if (taken.username) throw invalid({ username: "This username is taken. Try another." });
  return taken.email ? () => mailOwner(email) : () => createAccount({ email, username, name, passwordHash });
}

/** The whole sign-up in one call (tests, scripts): resolves alike for a new address and a taken one. */
export async function register(input: unknown, ip: string): Promise<void> {
  await (
    await startSignUp(input, ip)
  )();
}

async function mailOwner(email: string): Promise<void> {
  await sendMail({
    to: email,
    subject: "Someone tried to sign up to Roomful with your email",
    text: `Someone tried to create a Roomful account with this address, which already has one.\n\nIf it was you, sign in at ${env().APP_URL}/login or reset your password at ${env().APP_URL}/forgot-password.\n\nIf it was not you, you can ignore this mail.\n\n— Roomful`,
    html: `<p>Someone tried to create a Roomful account with this address, which already has one.</p><p>If it was you, <a href="${env().APP_URL}/login">sign in</a> or <a href="${env().APP_URL}/forgot-password">reset your password</a>.</p><p>If it was not you, you can ignore this mail.</p><p>— Roomful</p>`,
  });
}

async function createAccount(input: { email: string; username: string; name: string; passwordHash: string }) {
  try {
    const user = await createUser(input);
    await sendVerificationMail({ id: user.id, name: input.name }, input.email);
  } catch (error) {
    // A double submit, or another sign-up taking the address or username since the check: the unique index decided,
    // and the answer has already gone. The first submit's mail stands; a lost username race is only logged.
    if (!isUniqueViolation(error)) throw error;
    log.info({ username: input.username }, "sign-up lost a race for its email or username");
  }
}
