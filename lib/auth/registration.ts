// Sign-up with email and password. A taken username is a field error (usernames are public); a
// taken email is not revealed: register() resolves the same way for both (and signs nobody in, so
// no session cookie tells them apart); only the inbox differs: a confirmation link for a new
// account, a "someone tried to sign up with your address" notice for an existing one.
import "server-only";
import { isUniqueViolation } from "../db/unique-violation";
import { createUser, findTakenIdentities } from "../db/users";
import { env } from "../env";
import { invalid, fieldErrorsOf } from "../errors";
import { sendMail } from "../mail/transport";
import { registerSchema } from "../validation/account";
import { sendVerificationMail } from "./email-verification";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { enforce } from "./rate-limit";

/** Resolves alike whether an account was created or the address already had one; throws field errors and 429s. */
export async function register(input: unknown, ip: string): Promise<void> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const { email, username, name, password } = parsed.data;
  const problem = passwordProblem(password, { email, username });
  if (problem) throw invalid({ password: problem });
  await enforce("register", ip, "Too many sign-ups from your network.");

  // Hash before looking anything up, so a taken email answers no faster than a new one (the new
  // account's two inserts remain: a few milliseconds beside argon2's tens).
  const passwordHash = await hashPassword(password);
  const taken = await findTakenIdentities({ email, username });
  if (taken.username) throw invalid({ username: "This username is taken. Try another." });
  if (taken.email) {
    await sendMail({
      to: email,
      subject: "Someone tried to sign up to Roomful with your email",
      text: `Someone tried to create a Roomful account with this address, which already has one.\n\nIf it was you, sign in at ${env().APP_URL}/login or reset your password at ${env().APP_URL}/forgot-password.\n\nIf it was not you, you can ignore this mail.\n\n— Roomful`,
      html: `<p>Someone tried to create a Roomful account with this address, which already has one.</p><p>If it was you, <a href="${env().APP_URL}/login">sign in</a> or <a href="${env().APP_URL}/forgot-password">reset your password</a>.</p><p>If it was not you, you can ignore this mail.</p><p>— Roomful</p>`,
    });
    return;
  }

  try {
    const user = await createUser({ email, username, name, passwordHash });
    await sendVerificationMail({ id: user.id, name }, email);
  } catch (error) {
    // A double submit or a race with another sign-up: the unique index decides.
    if (isUniqueViolation(error)) {
      const again = await findTakenIdentities({ email, username });
      if (again.username && !again.email) throw invalid({ username: "This username is taken. Try another." });
      return;
    }
    throw error;
  }
}
