// Helpers for the admin specs: members of each role made straight in the database (the seeded
// admin and moderator are shared with other specs), signed-in browser contexts, and the concrete
// URL of every admin page in lib/admin/registry.ts.
import type { Browser, Page } from "@playwright/test";
import { ADMIN_PAGES, type AdminPageKey } from "../../lib/admin/registry";
import { signInViaApi } from "./accounts";
import { createMember, type Member } from "./members";
import { sql } from "./services";

export type Role = "MEMBER" | "MODERATOR" | "ADMIN";

export async function createWithRole(role: Role, prefix = role.slice(0, 3).toLowerCase()): Promise<Member> {
  const member = await createMember({ prefix });
  if (role !== "MEMBER") await sql(`UPDATE "User" SET role = $1::"Role" WHERE id = $2`, [role, member.id]);
  return member;
}

/** A new browser context signed in as `member`, and its page. */
export async function signedIn(browser: Browser, member: Member): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (!member.password) throw new Error("signedIn needs a member with a password");
  await signInViaApi(page, member.email, member.password);
  return page;
}

/** Every admin page with its dynamic segments filled from the seed (a room, a member). */
export async function adminPageUrls(): Promise<Array<{ key: AdminPageKey; url: string }>> {
  const [room] = await sql<{ id: string }>(`SELECT id FROM "Room" ORDER BY "createdAt" LIMIT 1`);
  if (!room) throw new Error("the seed has no rooms");
  const fill: Record<string, string> = { "[id]": room.id, "[username]": "alice" };
  return (Object.entries(ADMIN_PAGES) as Array<[AdminPageKey, { path: string }]>).map(([key, page]) => ({
    key,
    url: page.path.replace(/\[[a-z]+\]/g, (segment) => fill[segment] ?? segment),
  }));
}
