// Who may read /api/metrics: callers presenting METRICS_TOKEN as a bearer token. Without the
// variable the route is off. Compared in constant time, so response timing leaks nothing of it.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "off" | "denied" | "granted";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

// Both sides are hashed first: timingSafeEqual needs equal lengths, and comparing digests does
// not reveal the token's length either.
const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** `authorization` is the request's Authorization header; `token` is METRICS_TOKEN (if set). */
export function metricsAccess(authorization: string | null, token: string | undefined): MetricsAccess {
  if (!token) return "off";
  const presented = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!presented) return "denied";
  return timingSafeEqual(digest(presented), digest(token)) ? "granted" : "denied";
}
