// Signing in and linking through an OAuth provider (next-auth's signIn and jwt callbacks call
// in here). A provider account is linked to an existing member only when that member, signed
// in, asked for it from Settings (a signed, short-lived cookie); never because an email matches.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Account, Profile, User } from "next-auth";
import { cookies } from "next/headers";
import {
  createUserWithAccount,
  findAccountOwner,
  findFreeUsername,
  linkAccount,
  type OAuthAccountInput,
} from "../db/accounts";
import { isUniqueViolation } from "../db/unique-violation";
import { findUserByEmail } from "../db/users";
import { env } from "../env";
import { displayNameSchema, emailSchema } from "../validation/account";
import { oauthProviderName } from "./oauth-providers";
import { baseUsername } from "./oauth-username";
import { getCurrentUser } from "./session";

// ---------------------------------------------------------------------------------------------
// The link intent: set by a server action on Settings just before the provider round trip.

const LINK_COOKIE = "roomful.oauth-link";
/** Only next-auth's callback needs to see it. */
const LINK_COOKIE_PATH = "/api/auth";
export const LINK_INTENT_TTL_SECONDS = 5 * 60;

export interface LinkIntent {
  userId: string;
  provider: string;
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`roomful:oauth-link:${payload}`).digest("base64url");
}

/** `<base64url JSON>.<HMAC>`: who asked to link which provider, until when (seconds). */
export function signLinkIntent(intent: LinkIntent, secret: string, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ u: intent.userId, p: intent.provider, e: Math.floor(now / 1000) + LINK_INTENT_TTL_SECONDS }),
  ).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The intent if the value is untampered and unexpired, else null. */
export function verifyLinkIntent(value: string | undefined, secret: string, now = Date.now()): LinkIntent | null {
  if (!value) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      u?: unknown;
      p?: unknown;
      e?: unknown;
    };
    if (typeof data.u !== "string" || typeof data.p !== "string" || typeof data.e !== "number") return null;
    if (data.e * 1000 <= now) return null;
    return { userId: data.u, provider: data.p };
  } catch {
    return null;
  }
}

/** For the Settings server action: remember that this member wants to link `provider`. */
export async function setLinkIntentCookie(intent: LinkIntent): Promise<void> {
  const store = await cookies();
  store.set(LINK_COOKIE, signLinkIntent(intent, env().NEXTAUTH_SECRET), {
    httpOnly: true,
    sameSite: "lax", // sent on the provider's top-level redirect back to us
    secure: env().APP_URL.startsWith("https://"),
    path: LINK_COOKIE_PATH,
    maxAge: LINK_INTENT_TTL_SECONDS,
  });
}

async function readLinkIntent(): Promise<LinkIntent | null> {
  return verifyLinkIntent((await cookies()).get(LINK_COOKIE)?.value, env().NEXTAUTH_SECRET);
}

/**
 * Only after a link: touching cookies() makes Next.js re-serialise the route's Set-Cookie headers without "Max-Age=0",
 * so next-auth's cleared state and PKCE cookies would linger on a sign-in. An unused intent simply expires.
 */
async function consumeLinkIntent(): Promise<void> {
  (await cookies()).delete({ name: LINK_COOKIE, path: LINK_COOKIE_PATH });
}

// ---------------------------------------------------------------------------------------------
// What a provider tells us about the person.

export interface OAuthIdentity {
  /** Lower-case and well-formed, or null when the provider gave none we can use. */
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  image: string | null;
  /** The provider's handle, the preferred source of a username. */
  login: string | null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/**
 * An email counts as verified only when the provider says so: `email_verified` from Google and OIDC, and from GitHub's
 * emails API (added in lib/auth/oauth-providers.ts).
 */
export function identityFromProfile(
  user: Pick<User, "name" | "email" | "image">,
  profile: Record<string, unknown> = {},
): OAuthIdentity {
  const email = emailSchema.safeParse(user.email ?? profile.email ?? "");
  const image = text(user.image);
  return {
    email: email.success ? email.data : null,
    emailVerified: email.success && (profile.email_verified === true || profile.email_verified === "true"),
    name: text(user.name),
    image: image && /^https?:\/\//.test(image) && image.length <= 2048 ? image : null,
    login: text(profile.login) ?? text(profile.preferred_username),
  };
}

// ---------------------------------------------------------------------------------------------
// The decision.

export const OAUTH_ERRORS = {
  emailExists: "oauth-email-exists",
  noEmail: "oauth-no-email",
  deactivated: "deactivated",
  accountInUse: "oauth-account-in-use",
  emailUnverified: "oauth-email-unverified",
} as const;

function loginError(code: string, provider?: string): string {
  const params = new URLSearchParams({ error: code, ...(provider ? { provider: oauthProviderName(provider) } : {}) });
  return `/login?${params}`;
}

function settingsResult(key: "linked" | "linkError", value: string, provider: string): string {
  const params = new URLSearchParams({ [key]: value, provider: oauthProviderName(provider) });
  return `/settings?${params}`;
}

/** `true` lets next-auth finish the sign-in (and issue the session); a string is where to go instead. */
export type OAuthSignInResult = true | string;

/**
 * Links for a signed-in member with a valid link intent, signs in an already linked account's owner, or creates a
 * member, unless the email is someone's already: accounts are never linked silently.
 */
export async function resolveOAuthSignIn(input: {
  account: OAuthAccountInput;
  identity: OAuthIdentity;
  /** The signed-in member whose link intent for this provider is valid, else null. */
  linkingUserId: string | null;
}): Promise<OAuthSignInResult> {
  const { account, identity, linkingUserId } = input;
  const owner = await findAccountOwner(account);

  if (linkingUserId) {
    if (owner) {
      return owner.id === linkingUserId
        ? settingsResult("linked", account.provider, account.provider)
        : settingsResult("linkError", OAUTH_ERRORS.accountInUse, account.provider);
    }
    try {
      await linkAccount({ userId: linkingUserId, account });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Someone linked this provider account a moment ago.
      const now = await findAccountOwner(account);
      if (now?.id !== linkingUserId) return settingsResult("linkError", OAUTH_ERRORS.accountInUse, account.provider);
    }
    // The member keeps their current session: nothing about it changed.
    return settingsResult("linked", account.provider, account.provider);
  }

  if (owner) return owner.deactivatedAt ? loginError(OAUTH_ERRORS.deactivated) : true;

  if (!identity.email) return loginError(OAUTH_ERRORS.noEmail, account.provider);
  // An address the provider has not confirmed may not be the person's: it never claims an account here.
  if (!identity.emailVerified) return loginError(OAUTH_ERRORS.emailUnverified, account.provider);
  if (await findUserByEmail({ email: identity.email })) return loginError(OAUTH_ERRORS.emailExists, account.provider);

  const base = baseUsername({ login: identity.login, email: identity.email, name: identity.name });
  const parsedName = displayNameSchema.safeParse((identity.name ?? identity.login ?? base).slice(0, 60));
  const name = parsedName.success ? parsedName.data : base;
  // A concurrent sign-up may take the username between the look-up and the insert: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const username = await findFreeUsername({ base });
    try {
      await createUserWithAccount({
        user: {
          email: identity.email,
          username,
          name,
          image: identity.image,
          emailVerifiedAt: new Date(),
        },
        account,
      });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (await findUserByEmail({ email: identity.email }))
        return loginError(OAUTH_ERRORS.emailExists, account.provider);
      // The same person finishing two sign-ins at once: the other one created them.
      const again = await findAccountOwner(account);
      if (again) return again.deactivatedAt ? loginError(OAUTH_ERRORS.deactivated) : true;
    }
  }
  throw new Error(`Could not find a free username for "${base}"`);
}

/** next-auth's signIn callback for OAuth providers. */
export async function oauthSignIn({
  user,
  account,
  profile,
}: {
  user: User;
  account: Account;
  profile?: Profile;
}): Promise<OAuthSignInResult> {
  const intent = await readLinkIntent();
  let linkingUserId: string | null = null;
  if (intent && intent.provider === account.provider) {
    const current = await getCurrentUser();
    if (current && current.id === intent.userId) linkingUserId = current.id;
  }
  if (linkingUserId) await consumeLinkIntent();
  return resolveOAuthSignIn({
    account: {
      provider: account.provider,
      type: account.type,
      providerAccountId: account.providerAccountId,
      scope: typeof account.scope === "string" ? account.scope : null,
      token_type: typeof account.token_type === "string" ? account.token_type : null,
    },
    identity: identityFromProfile(user, profile as Record<string, unknown> | undefined),
    linkingUserId,
  });
}

/** For the jwt callback: OUR user id and session version for a provider account. */
export async function oauthSessionClaims(
  account: Pick<Account, "provider" | "providerAccountId">,
): Promise<{ sub: string; sv: number } | null> {
  const owner = await findAccountOwner(account);
  if (!owner || owner.deactivatedAt) return null;
  return { sub: owner.id, sv: owner.sessionVersion };
}
