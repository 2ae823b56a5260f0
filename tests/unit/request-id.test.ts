// Request ids: an incoming X-Request-Id is kept only when it is a short, safe token.
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_ID_LENGTH, requestIdFor, sanitizeRequestId } from "@/lib/observability/request-id";

describe("request ids", () => {
  it("keeps common id formats", () => {
    for (const id of [
      "3f1c2a9e-8b7d-4c6e-9f00-1a2b3c4d5e6f",
      "01J9Z3X6Q8K2M4N5P7R9S1T3V5",
      "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8",
      "lb.req:42",
    ]) {
      expect(sanitizeRequestId(id)).toBe(id);
    }
  });

  it("refuses empty, over-long and unsafe values (spaces, quotes, control characters)", () => {
    for (const id of [
      undefined,
      null,
      "",
      "   ",
      "x".repeat(MAX_REQUEST_ID_LENGTH + 1),
      "a b",
      'a"b',
      "a\nforged line",
      "<script>",
      "é",
    ]) {
      expect(sanitizeRequestId(id)).toBeUndefined();
    }
    expect(sanitizeRequestId("x".repeat(MAX_REQUEST_ID_LENGTH))).toHaveLength(MAX_REQUEST_ID_LENGTH);
  });

  it("makes a new UUID when the incoming one is missing or refused", () => {
    expect(requestIdFor("keep-me")).toBe("keep-me");
    const made = requestIdFor("bad id");
    expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdFor(null)).not.toBe(made);
  });
});
