import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";

const base = {
  nonce: "bm9uY2U=",
  development: false,
  https: true,
  realtime: { wsHost: "realtime.example", wsPort: 443, forceTLS: true, cluster: "mt1" },
};

describe("contentSecurityPolicy", () => {
  it("runs scripts only with the nonce (no unsafe-inline), never in frames, and talks to the realtime server", () => {
    const policy = contentSecurityPolicy(base);
    expect(policy).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self' wss://realtime.example:443 https://realtime.example:443");
  });

  it("reaches Pusher Channels' cluster when no host is set; a local soketi by ws://, and by wss:// (pusher-js's fallback)", () => {
    expect(contentSecurityPolicy({ ...base, realtime: { forceTLS: true, cluster: "eu" } })).toContain(
      "wss://ws-eu.pusher.com https://sockjs-eu.pusher.com",
    );
    expect(
      contentSecurityPolicy({
        ...base,
        realtime: { wsHost: "127.0.0.1", wsPort: 6001, forceTLS: false, cluster: "mt1" },
      }),
    ).toContain(
      "connect-src 'self' ws://127.0.0.1:6001 http://127.0.0.1:6001 wss://127.0.0.1:6001 https://127.0.0.1:6001",
    );
  });

  it("allows eval only under next dev", () => {
    expect(contentSecurityPolicy({ ...base, development: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
  });
});

describe("securityHeaders", () => {
  it("sends HSTS only for https in production, and the other headers always", () => {
    expect(securityHeaders(base)).toMatchObject({
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(securityHeaders(base)["Permissions-Policy"]).toContain("camera=()");
    expect(securityHeaders({ ...base, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ ...base, development: true })).not.toHaveProperty("Strict-Transport-Security");
  });
});
