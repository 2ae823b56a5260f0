// Account helpers for specs: unique new members, and signing in through next-auth's own
// endpoints (no UI), for specs about something other than the sign-in form.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";

export const SEED_PASSWORD = "roomful-dev-password";

export function uniqueMember(prefix = "m") {
  const id = randomUUID().replace(/-/g, "").slice(0, 10);
  return {
    email: `${prefix}${id}@example.test`,
    username: `${prefix}_${id}`,
    name: `Test ${prefix.toUpperCase()} ${id.slice(0, 4)}`,
    password: `tidy-otter-${id}`,
  };
}

/** Signs `page`'s browser context in with email/username and password via /api/auth. */
export async function signInViaApi(page: Page, identifier: string, password: string): Promise<void> {
  const request = page.context().request;
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, identifier, password, json: "true" },
    maxRedirects: 0,
  });
  // With json=true next-auth answers { url }, which carries ?error=<code> on failure.
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const target = body.url ?? response.headers()["location"] ?? "";
  if (response.status() >= 400 || target.includes("error=")) {
    throw new Error(`sign-in as ${identifier} failed: ${response.status()} ${target}`);
  }
}
