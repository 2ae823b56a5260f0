// The caller's IP, for per-IP rate limits. Next.js sets X-Forwarded-For to the socket address
// when a request arrives without one; each trusted reverse proxy appends the address it saw. So
// the entry TRUST_PROXY_HOPS from the right is the one no client can forge (with one proxy, or
// none, that is the last entry). 0 ignores the header: every caller shares one bucket.
import { env } from "../env";

export function clientIpFrom(
  headers: Headers | Record<string, string | string[] | undefined>,
  hops = env().TRUST_PROXY_HOPS,
): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  if (hops === 0) return "unknown";
  const entries = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] ?? "unknown";
}
