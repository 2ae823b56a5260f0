// Password checks: sign-in (email or username) and a signed-in member confirming their own password (Settings). A
// point of each limit is consumed before argon2 runs, so concurrent guesses cannot outrun the limit; a right password
// gives it back. An unknown account and a wrong password answer alike (also in timing: a dummy hash is verified).
import "server-only";
import { isDatabaseUnavailable } from "../db/unavailable";
import { findPasswordHash, findUserForSignIn } from "../db/users";
import { invalid, rateLimited } from "../errors";
import { signInSchema } from "../validation/account";
import { hashPassword, verifyPassword } from "./password";
import { consume, refund, reset, retryPhrase, type LimitName } from "./rate-limit";

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; error: "invalid" | "deactivated" | "unavailable" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

let dummyHash: Promise<string> | undefined;

/**
 * The per-account limit's key: the account itself when there is one, so that typing the email and the username does
 * not give two sets of guesses; otherwise what was typed (an unknown address locks like a known one). The prefixes keep
 * a typed "user:<id>" from landing on someone's counter.
 */
const accountKey = (user: { id: string } | null, identifier: string) =>
  user ? `user:${user.id}` : `typed:${identifier}`;

type Limits = ReadonlyArray<readonly [LimitName, string]>;

/** Checks `password` against `hash` (the dummy when null) once the limits have a point for it. */
async function guardedVerify(
  limits: Limits,
  hash: string | null,
  password: string,
): Promise<{ allowed: false; retryAfterSeconds: number } | { allowed: true; valid: boolean }> {
  const state = await consume(limits);
  if (!state.allowed) return { allowed: false, retryAfterSeconds: state.retryAfterSeconds };
  try {
    dummyHash ??= hashPassword("roomful-timing-equaliser");
    const valid = (await verifyPassword(hash ?? (await dummyHash), password)) && hash !== null;
    return { allowed: true, valid };
  } catch (error) {
    // Nothing was checked: the attempt does not count.
    await refund(limits);
    throw error;
  }
}

/** A sign-in attempt's answer; a database outage is its own answer, never taken for a wrong password. */
export async function signInWithPassword(input: unknown, ip: string): Promise<SignInResult> {
  try {
    return await checkSignIn(input, ip);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, error: "unavailable" };
    throw error;
  }
}

async function checkSignIn(input: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { identifier, password } = parsed.data;

  const user = await findUserForSignIn({ identifier });
  const account = ["signInAccount", accountKey(user, identifier)] as const;
  const limits = [account, ["signInIp", ip]] as const;
  const checked = await guardedVerify(limits, user?.passwordHash ?? null, password);
  if (!checked.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: checked.retryAfterSeconds };
  // A failure keeps its points.
  if (!user || !checked.valid) return { ok: false, error: "invalid" };
  // The right password: not a failure for the address; the account's earlier failures are forgiven.
  await Promise.all([refund([limits[1]]), user.deactivatedAt ? refund([account]) : reset(...account)]);
  // Only someone who knows the password learns that the account is deactivated.
  if (user.deactivatedAt) return { ok: false, error: "deactivated" };
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/**
 * A signed-in member proves they know their password (before a sensitive change). Failures count towards the same
 * per-account limit as sign-in, so a borrowed session cannot be used to guess it. Throws a field error or a 429.
 */
export async function checkOwnPassword({
  userId,
  password,
  field,
}: {
  userId: string;
  password: string;
  field: string;
}): Promise<void> {
  if (!password) throw invalid({ [field]: "Enter your current password." });
  const account = ["signInAccount", accountKey({ id: userId }, "")] as const;
  const checked = await guardedVerify([account], await findPasswordHash({ userId }), password);
  if (!checked.allowed) {
    throw rateLimited(
      "password_check",
      checked.retryAfterSeconds,
      `Too many wrong passwords. ${retryPhrase(checked.retryAfterSeconds)}`,
    );
  }
  if (!checked.valid) throw invalid({ [field]: "That is not your current password." });
  await reset(...account);
}
