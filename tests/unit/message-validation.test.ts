import { describe, expect, it } from "vitest";
import { historyQuerySchema, MESSAGE_MAX, sendMessageSchema } from "@/lib/validation/messages";

const key = "7f1f7c1e-3c55-4d1a-9d62-0b8f3a2b1c4d";

describe("sendMessageSchema", () => {
  it("refuses empty and whitespace-only bodies", () => {
    for (const body of ["", "   ", "\n\n\t"])
      expect(sendMessageSchema.safeParse({ body, clientKey: key }).success).toBe(false);
  });

  it("allows up to 4,000 characters and keeps inner line breaks", () => {
    expect(sendMessageSchema.safeParse({ body: "x".repeat(MESSAGE_MAX), clientKey: key }).success).toBe(true);
    expect(sendMessageSchema.safeParse({ body: "x".repeat(MESSAGE_MAX + 1), clientKey: key }).success).toBe(false);
    expect(sendMessageSchema.parse({ body: "\n  first\nsecond  \n", clientKey: key }).body).toBe("  first\nsecond");
  });

  it("needs a UUID idempotency key and a string body", () => {
    expect(sendMessageSchema.safeParse({ body: "hi", clientKey: "1" }).success).toBe(false);
    expect(sendMessageSchema.safeParse({ body: 42, clientKey: key }).success).toBe(false);
  });
});

describe("historyQuerySchema", () => {
  it("pages by id with a bounded limit", () => {
    expect(historyQuerySchema.parse({ before: "120" })).toEqual({ before: 120, limit: 50 });
    expect(historyQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ before: "1", after: "2" }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ before: "abc" }).success).toBe(false);
  });
});
