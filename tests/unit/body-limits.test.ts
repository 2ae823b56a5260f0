import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/chat/http";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/http/body-limits";
import { AVATAR_MAX_BYTES, AVATAR_MULTIPART_OVERHEAD } from "@/lib/validation/profile";

describe("MAX_REQUEST_BODY_BYTES", () => {
  it("lets through the largest body a route reads (an avatar upload), and no more than that needs", () => {
    expect(MAX_REQUEST_BODY_BYTES).toBeGreaterThanOrEqual(AVATAR_MAX_BYTES + AVATAR_MULTIPART_OVERHEAD);
    expect(MAX_REQUEST_BODY_BYTES).toBeGreaterThan(MAX_BODY_BYTES);
    expect(MAX_REQUEST_BODY_BYTES).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});
