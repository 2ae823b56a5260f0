// Usernames for members who arrive through an OAuth provider: derived from the provider's login
// or the email's local part, normalised to the username rules, then made unique with a number.
import { USERNAME_PATTERN } from "../validation/account";

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 30;
/** Suffixes up to this many digits keep the first USERNAME_MAX - this characters of the base. */
const MAX_SUFFIX_DIGITS = 6;

/** Lower-case [a-z0-9_], accents dropped, runs of anything else turned into one underscore. */
export function normaliseUsername(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_{2,}/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, USERNAME_MAX)
    .replace(/_+$/, "");
}

export interface UsernameSources {
  /** The provider's handle: GitHub's `login`, OIDC's `preferred_username`. */
  login?: string | null;
  email?: string | null;
  name?: string | null;
}

/**
 * The first of login, email local part and name that normalises to a valid username; one too short gets "_user"
 * appended, and with nothing usable it is "member".
 */
export function baseUsername(sources: UsernameSources): string {
  const localPart = sources.email
    ? sources.email.slice(0, Math.max(0, sources.email.lastIndexOf("@"))) || sources.email
    : null;
  const candidates = [sources.login, localPart, sources.name]
    .filter((s): s is string => typeof s === "string")
    .map(normaliseUsername)
    .filter(Boolean);
  const good = candidates.find((c) => c.length >= USERNAME_MIN);
  if (good) return good;
  const short = candidates[0];
  return short ? `${short}_user` : "member";
}

/** `base` with the numeric suffix `n`, cut so that the result stays within USERNAME_MAX. */
export function withSuffix(base: string, n: number): string {
  const suffix = String(n);
  return `${base.slice(0, USERNAME_MAX - suffix.length)}${suffix}`;
}

/** The prefix every candidate for `base` starts with: what to ask the database for. */
export function candidatePrefix(base: string): string {
  return base.slice(0, USERNAME_MAX - MAX_SUFFIX_DIGITS);
}

/** `base` if free, else `base2`, `base3` … (cut to fit): the first one not in `taken`. */
export function pickFreeUsername(base: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (t) => t.toLowerCase()));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = withSuffix(base, n);
    if (!used.has(candidate)) return candidate;
  }
}

export function isValidUsername(value: string): boolean {
  return USERNAME_PATTERN.test(value);
}
