import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/auth/client-ip";

describe("clientIpFrom", () => {
  it("takes the entry the trusted proxies saw, not what the client claims", () => {
    const forged = new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" });
    expect(clientIpFrom(forged, 1)).toBe("203.0.113.7");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
  });

  it("uses the only entry (Next.js' socket address) without a proxy, and copes with short headers", () => {
    expect(clientIpFrom({ "x-forwarded-for": "127.0.0.1" }, 1)).toBe("127.0.0.1");
    expect(clientIpFrom({ "x-forwarded-for": "127.0.0.1" }, 3)).toBe("127.0.0.1");
    expect(clientIpFrom({}, 1)).toBe("unknown");
  });

  it("ignores the header entirely with 0 hops", () => {
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.1" }, 0)).toBe("unknown");
  });
});
