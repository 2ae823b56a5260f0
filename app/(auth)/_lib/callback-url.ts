// Where to go after signing in: only a path on this site. Anything else (another origin,
// protocol-relative "//evil.example", "/\evil.example", javascript:) becomes "/".
import { AUTH_PAGES } from "@/lib/site/auth-pages";

const BASE = "http://roomful.invalid";

export function safeCallbackUrl(raw: string | string[] | null | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > 2000 || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  // Control characters and backslashes are never in a path we make; browsers treat "\" as "/".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // Coming back to a sign-in or sign-up page after signing in would be a loop.
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
