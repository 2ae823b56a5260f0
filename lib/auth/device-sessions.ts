// Sessions per device: each sign-in opens one (a UserSession row the cookie names), signing out ends only this one,
// and Settings lists them with a way to end any or all. Idle and absolute limits come from the environment.
import "server-only";
import { randomBytes } from "node:crypto";
import Bowser from "bowser";
import { headers } from "next/headers";
import {
  createUserSession,
  deleteUserSession,
  deleteUserSessions,
  listUserSessions,
  reproveUserSession,
  type SessionLifetimes,
} from "../db/user-sessions";
import { env } from "../env";
import { clientIpFrom } from "./client-ip";
import { readSessionClaims } from "./session-cookie";

const DAY_SECONDS = 24 * 60 * 60;
const USER_AGENT_MAX = 512;

export function sessionLifetimes(): SessionLifetimes {
  const { SESSION_IDLE_DAYS, SESSION_LIFETIME_DAYS } = env();
  return { idleSeconds: SESSION_IDLE_DAYS * DAY_SECONDS, lifetimeSeconds: SESSION_LIFETIME_DAYS * DAY_SECONDS };
}

/**
 * At sign-in (next-auth's jwt callback, inside the sign-in request): the device session the new cookie names. Signing
 * in again as the same person on this device renews its session (a fresh proof) instead of listing the device twice;
 * signing in as someone else ends the session this browser held.
 */
export async function beginDeviceSession({ userId, method }: { userId: string; method: string }): Promise<string> {
  const [previous, requestHeaders] = await Promise.all([readSessionClaims(), headers()]);
  if (previous?.sub === userId && (await reproveUserSession({ id: previous.sid, userId, method }))) return previous.sid;
  if (previous) await deleteUserSession({ id: previous.sid, userId: previous.sub });
  const id = randomBytes(24).toString("base64url");
  const ip = clientIpFrom(requestHeaders);
  await createUserSession({
    id,
    userId,
    method,
    userAgent: (requestHeaders.get("user-agent") ?? "").slice(0, USER_AGENT_MAX),
    ip: ip === "unknown" ? null : ip,
  });
  return id;
}

/** Ends one of the member's sessions (this device's or another's); false when it was not theirs or already over. */
export async function endDeviceSession({ userId, sessionId }: { userId: string; sessionId: string }): Promise<boolean> {
  return deleteUserSession({ id: sessionId, userId });
}

/** Ends every session of the member but this device's; how many ended. */
export async function endOtherDeviceSessions({ userId, sessionId }: { userId: string; sessionId: string }) {
  return deleteUserSessions({ userId, exceptId: sessionId });
}

/** One signed-in device as Settings shows it. */
export interface DeviceSession {
  id: string;
  current: boolean;
  /** "Firefox on Android", or "Unknown browser" when the user agent says nothing useful. */
  device: string;
  kind: "desktop" | "mobile" | "tablet" | "other";
  /** "password" or a provider id. */
  method: string;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
}

/** Reads a user agent the way people name their devices. */
export function describeUserAgent(userAgent: string): Pick<DeviceSession, "device" | "kind"> {
  if (!userAgent) return { device: "Unknown browser", kind: "other" };
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  const device = browser && os ? `${browser} on ${os}` : (browser ?? os ?? "Unknown browser");
  const type = parsed.platform.type;
  const kind = type === "desktop" || type === "mobile" || type === "tablet" ? type : "other";
  return { device, kind };
}

/** The member's live sessions, this device's first. */
export async function listDeviceSessions({
  userId,
  sessionId,
}: {
  userId: string;
  sessionId: string;
}): Promise<DeviceSession[]> {
  const rows = await listUserSessions({ userId }, sessionLifetimes());
  const sessions = rows.map((row) => ({
    id: row.id,
    current: row.id === sessionId,
    ...describeUserAgent(row.userAgent),
    method: row.method,
    ip: row.ip,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
  }));
  return sessions.sort((a, b) => Number(b.current) - Number(a.current));
}
