// The session cookie next-auth writes (JWT strategy) and reads back here on every request: who (sub), the user's
// session version when it was issued (sv), and which device session it is (sid, a UserSession row).
import "server-only";
import { parse as parseCookies } from "cookie";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "../env";

/** next-auth's cookie name: secure-prefixed when the app is served over https. */
export function sessionCookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The claims Roomful keeps in the session JWT. */
export interface SessionClaims {
  sub: string;
  /** The user's session version when the session was issued. */
  sv: number;
  /** The device session (UserSession id) this cookie belongs to. */
  sid: string;
}

/** Whether this request carries a session cookie at all (not whether it is still valid). */
export async function hasSessionCookie(): Promise<boolean> {
  return (await cookies()).has(sessionCookieName());
}

/** Claims of cookies already decrypted, by token: see readSessionClaims. */
interface DecodedCache {
  secret: string;
  claims: Map<string, SessionClaims & { exp?: number }>;
}
const DECODED_MAX = 10_000;
// next-auth's (and jose's) leeway on `exp`.
const CLOCK_TOLERANCE_SECONDS = 15;
const globalForSessions = globalThis as unknown as { roomfulDecodedSessions?: DecodedCache };

/** The claims of this request's session cookie, or null: see claimsFromToken. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  return claimsFromToken((await cookies()).get(sessionCookieName())?.value);
}

/** The session token in a raw `Cookie` header, for requests served outside Next (lib/server/direct-routes.ts). */
export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  return header ? parseCookies(header)[sessionCookieName()] : undefined;
}

/**
 * The claims of a session cookie's token, or null (none, forged, expired, or not ours): what getServerSession
 * returns, without building the auth handler and re-encrypting a cookie per page.
 * A cookie decrypted once is remembered by its exact text (a bounded map, expiry still checked): decrypting it again
 * derived the key (HKDF) and ran AES-GCM on every request of a signed-in member. This caches only the cookie's
 * contents; the session itself is still checked against the database on every request (lib/auth/session.ts).
 */
export async function claimsFromToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  const secret = env().NEXTAUTH_SECRET;
  let cache = globalForSessions.roomfulDecodedSessions;
  if (cache?.secret !== secret) cache = globalForSessions.roomfulDecodedSessions = { secret, claims: new Map() };
  const known = cache.claims.get(token);
  if (known) {
    if (known.exp === undefined || Date.now() / 1000 <= known.exp + CLOCK_TOLERANCE_SECONDS) {
      return { sub: known.sub, sv: known.sv, sid: known.sid };
    }
    cache.claims.delete(token);
    return null;
  }
  try {
    // Checks the encryption and the expiry.
    const claims = await decode({ token, secret });
    // A cookie from before per-device sessions has no sid: it counts as signed out.
    if (typeof claims?.sub !== "string" || typeof claims.sv !== "number" || typeof claims.sid !== "string") return null;
    const exp = typeof claims.exp === "number" ? claims.exp : undefined;
    if (cache.claims.size >= DECODED_MAX) cache.claims.delete(cache.claims.keys().next().value as string);
    cache.claims.set(token, { sub: claims.sub, sv: claims.sv, sid: claims.sid, exp });
    return { sub: claims.sub, sv: claims.sv, sid: claims.sid };
  } catch {
    return null;
  }
}

export async function clearSessionCookie(): Promise<void> {
  const store = await cookies();
  store.delete(sessionCookieName());
}

/**
 * The user id a request's session cookie names, without the per-request session check: only for marking what is
 * already public as the reader's own (their reactions). Null without a valid cookie.
 */
export async function claimedUserId(cookieHeader: string | null): Promise<string | null> {
  return (await claimsFromToken(sessionTokenFromCookieHeader(cookieHeader ?? undefined)))?.sub ?? null;
}
