// The security headers of every page and API response (set by proxy.ts). Scripts run only with this request's
// nonce (Next.js puts it on its own scripts when the request carries the policy) or when loaded by such a script
// ('strict-dynamic'): an injected <script> or inline handler does not run. Styles may be inline (React style
// attributes, the room page's layout rule); the realtime server is the one other origin pages talk to.
import type { PublicRealtimeConfig } from "../realtime/config";

export interface SecurityHeaderSettings {
  nonce: string;
  /** `next dev`: React's development build needs eval, and HSTS would stick to localhost. */
  development: boolean;
  /** APP_URL is https: browsers are told to keep to it (HSTS). */
  https: boolean;
  realtime: Pick<PublicRealtimeConfig, "wsHost" | "wsPort" | "forceTLS" | "cluster">;
}

/**
 * Where pusher-js connects: the configured host, or Pusher Channels' cluster hosts (WebSocket and its fallback).
 * Without forced TLS it still tries wss:// on the same host and port after ws:// fails, so both are allowed.
 */
function realtimeSources({ wsHost, wsPort, forceTLS, cluster }: SecurityHeaderSettings["realtime"]): string[] {
  if (!wsHost) return [`wss://ws-${cluster}.pusher.com`, `https://sockjs-${cluster}.pusher.com`];
  const host = wsPort ? `${wsHost}:${wsPort}` : wsHost;
  const secure = [`wss://${host}`, `https://${host}`];
  return forceTLS ? secure : [`ws://${host}`, `http://${host}`, ...secure];
}

export function contentSecurityPolicy(settings: SecurityHeaderSettings): string {
  const scripts = ["'self'", `'nonce-${settings.nonce}'`, "'strict-dynamic'"];
  if (settings.development) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    // Provider avatars (Google, GitHub) are https images elsewhere; avatar previews are blob: URLs.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self' ${realtimeSources(settings.realtime).join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(settings: SecurityHeaderSettings): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(settings),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    ...(settings.https && !settings.development
      ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}
