// Email-or-username + password sign-in, with per-account and per-IP limits on failures and the
// same answer for an unknown account and a wrong password (also in timing: a dummy hash is
// verified when there is no account).
import "server-only";
import { findUserForSignIn } from "../db/users";
import { signInSchema } from "../validation/account";
import { hashPassword, verifyPassword } from "./password";
import { hit, peek, reset } from "./rate-limit";

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; error: "invalid" | "deactivated" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

let dummyHash: Promise<string> | undefined;

export async function signInWithPassword(input: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { identifier, password } = parsed.data;

  for (const [name, key] of [
    ["signInAccount", identifier],
    ["signInIp", ip],
  ] as const) {
    const state = await peek(name, key);
    if (!state.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: state.retryAfterSeconds };
  }

  const user = await findUserForSignIn({ identifier });
  dummyHash ??= hashPassword("roomful-timing-equaliser");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.passwordHash || !valid) {
    await Promise.all([hit("signInAccount", identifier), hit("signInIp", ip)]);
    return { ok: false, error: "invalid" };
  }
  // Only someone who knows the password learns that the account is deactivated.
  if (user.deactivatedAt) return { ok: false, error: "deactivated" };
  await reset("signInAccount", identifier);
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
