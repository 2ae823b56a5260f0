import { describe, expect, it } from "vitest";
import { clientIpFrom, peerAddress } from "@/lib/auth/client-ip";

// The production server appends the socket's address as the last entry (scripts/serve.ts).
describe("clientIpFrom", () => {
  it("takes the socket's address without a proxy, whatever the client claims", () => {
    expect(clientIpFrom({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }, 0)).toBe("203.0.113.7");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "127.0.0.1" }), 0)).toBe("127.0.0.1");
  });

  it("takes the address the outermost trusted proxy saw", () => {
    // Client forged 1.1.1.1; the proxy (10.0.0.2, the socket's peer) appended 203.0.113.7.
    const viaOneProxy = new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.2" });
    expect(clientIpFrom(viaOneProxy, 1)).toBe("203.0.113.7");
    expect(clientIpFrom({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.3, 10.0.0.2" }, 2)).toBe("203.0.113.7");
  });

  it("copes with chains shorter than the hops and with no header", () => {
    expect(clientIpFrom({ "x-forwarded-for": "127.0.0.1" }, 3)).toBe("127.0.0.1");
    expect(clientIpFrom({}, 0)).toBe("unknown");
  });
});

describe("peerAddress", () => {
  it("writes IPv4 peers of a dual-stack socket as IPv4", () => {
    expect(peerAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(peerAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(peerAddress(undefined)).toBe("unknown");
  });
});
