// Cross-site request refusal for every state-changing request under /api (proxy.ts, and lib/server/direct-routes.ts
// for what it serves before Next): browsers send Origin on such requests, and one naming another site is a forgery
// (cookies are SameSite=Lax, but a lax cookie still rides a top-level form POST on older browsers and subdomains).
// Requests without Origin are not from a browser page (the realtime server's webhooks, scripts) and pass.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_MESSAGE = "This request came from another site.";

/** Header lookup that works for Fetch `Headers` and Node's header objects. */
type HeaderReader = (name: string) => string | null | undefined;

/** True when a browser sent this request from a page on another origin than the one it addresses. */
export function isCrossSiteWrite(method: string | undefined, header: HeaderReader): boolean {
  if (!method || SAFE_METHODS.has(method.toUpperCase())) return false;
  if (header("sec-fetch-site") === "cross-site") return true;
  const origin = header("origin");
  if (!origin) return false;
  // Sandboxed frames and some redirects send the literal "null".
  if (origin === "null") return true;
  const host = header("x-forwarded-host") ?? header("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
