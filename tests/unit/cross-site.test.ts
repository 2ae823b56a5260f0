import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "@/lib/security/cross-site";

const reader = (headers: Record<string, string>) => (name: string) => headers[name];

describe("isCrossSiteWrite", () => {
  it("refuses a write whose Origin names another host", () => {
    expect(isCrossSiteWrite("POST", reader({ origin: "https://evil.example", host: "roomful.example" }))).toBe(true);
    expect(
      isCrossSiteWrite("DELETE", reader({ origin: "https://roomful.example.evil", host: "roomful.example" })),
    ).toBe(true);
    expect(isCrossSiteWrite("PUT", reader({ origin: "null", host: "roomful.example" }))).toBe(true);
    expect(isCrossSiteWrite("PATCH", reader({ origin: "not a url", host: "roomful.example" }))).toBe(true);
  });

  it("refuses what the browser itself calls cross-site, even without Origin", () => {
    expect(isCrossSiteWrite("POST", reader({ "sec-fetch-site": "cross-site", host: "roomful.example" }))).toBe(true);
  });

  it("lets same-origin writes, reads and requests from outside a browser through", () => {
    expect(isCrossSiteWrite("POST", reader({ origin: "https://roomful.example", host: "roomful.example" }))).toBe(
      false,
    );
    expect(
      isCrossSiteWrite(
        "POST",
        reader({ origin: "https://roomful.example", "x-forwarded-host": "roomful.example", host: "10.0.0.5:3000" }),
      ),
    ).toBe(false);
    expect(isCrossSiteWrite("GET", reader({ origin: "https://evil.example", host: "roomful.example" }))).toBe(false);
    expect(isCrossSiteWrite("POST", reader({ host: "roomful.example" }))).toBe(false);
  });
});
