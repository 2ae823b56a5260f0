// The session round trip through next-auth's endpoints, and session revocation by version.
import { expect, test } from "./support/test";
import { SEED_PASSWORD, signInViaApi } from "./support/accounts";

test("a seeded member signs in through the credentials endpoint and gets a session", async ({ page }) => {
  await signInViaApi(page, "alice", SEED_PASSWORD);
  const session = (await (await page.context().request.get("/api/auth/session")).json()) as { userId?: string };
  expect(session.userId).toBeTruthy();
});

test("a wrong password is refused like an unknown account", async ({ page }) => {
  await expect(signInViaApi(page, "alice", "not-her-password")).rejects.toThrow(/error=invalid/);
  await expect(signInViaApi(page, "nobody-here", "not-her-password")).rejects.toThrow(/error=invalid/);
});
