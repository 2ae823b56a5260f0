// The caller's IP, for per-IP rate limits. `npm start`'s server (scripts/serve.ts) appends the address that
// connected to it to X-Forwarded-For, as every proxy does, so the last entry is one no client can forge. With
// TRUST_PROXY_HOPS reverse proxies in front, the entry that many places further left is the address the outermost
// one saw; with none (the default) it is the socket's own address, whatever the client wrote in the header.
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
  const entries = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - 1 - hops)] ?? "unknown";
}

/** A socket's peer address as the header carries it (IPv4 peers of a dual-stack socket without the ::ffff: prefix). */
export function peerAddress(remoteAddress: string | undefined): string {
  if (!remoteAddress) return "unknown";
  return remoteAddress.startsWith("::ffff:") ? remoteAddress.slice("::ffff:".length) : remoteAddress;
}
