// The password policy (NIST SP 800-63B / OWASP ASVS 2.1): 8 to 128 characters, no composition
// rules, and never one of the ~49,000 most common passwords (the list zxcvbn-ts ships).
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX, PASSWORD_MIN } from "../validation/account";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

export const COMMON_PASSWORD_COUNT = () => commonPasswords().size;

/** Why `password` is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; username?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Passwords have at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Passwords have at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "This password is too common. Choose something harder to guess.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (
    (context.username && lower === context.username.toLowerCase()) ||
    (local && lower === local) ||
    lower === context.email?.toLowerCase()
  ) {
    return "Your password must not be your username or email.";
  }
  return null;
}
