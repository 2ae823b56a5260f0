// axe on every page, shared by e2e/a11y.spec.ts (desktop) and e2e/a11y.phone.spec.ts (Pixel 7):
// one signed-in context per role, each page checked in light and in dark, serious and critical
// violations listed by rule, element and summary in the failure message.
import { createHash, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "./test";
import type { AxeResults } from "axe-core";
import { adminPageUrls, createWithRole } from "./admin";
import { createMember, createRoom, signInByCookie, type ArrangedRoom, type Member } from "./members";
import { sql } from "./services";

const SCHEMES = ["light", "dark"] as const;

const BLOCKING = new Set(["serious", "critical"]);

/** Transitions and animations caught half-way would give axe colours no one reads; only the end state counts. */
const STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }";

/** "rule (impact): help" and, under it, each element's selector and the first line of its failure summary. */
export function describeViolations(violations: AxeResults["violations"]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 8).map((n) => {
        const summary = (n.failureSummary ?? "").split("\n").slice(1).join(" ").trim();
        return `    ${n.target.join(" ")}\n      ${summary}`;
      });
      const more = v.nodes.length > 8 ? [`    …and ${v.nodes.length - 8} more`] : [];
      return [`  ${v.id} (${v.impact}): ${v.help}`, ...nodes, ...more].join("\n");
    })
    .join("\n");
}

/**
 * Dark mode follows prefers-color-scheme (app/globals.css) and changes colours only (no `dark:`
 * class shows, hides or moves anything), so in dark only the rules about colour can answer
 * differently from light: those are the ones run again.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Colours do not depend on the width (app/globals.css), so a phone's run checks the light scheme only: dark mode's
 * colour rules ran on the same pages on a desktop.
 */
let schemes: ReadonlyArray<(typeof SCHEMES)[number]> = SCHEMES;

/** Runs axe on what the page shows now, in both colour schemes; fails softly so one run lists every page's problems. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.addStyleTag({ content: STILL });
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge
    // frame results, which this app (no cross-origin frames) does not need and which doubled its cost.
    const axe = new AxeBuilder({ page }).setLegacyMode(true);
    if (scheme === "dark") axe.withRules(COLOUR_RULES);
    const { violations } = await axe.analyze();
    const blocking = violations.filter((v) => v.impact && BLOCKING.has(v.impact));
    expect
      .soft(blocking, `${label} (${scheme}) has serious or critical axe violations:\n${describeViolations(blocking)}`)
      .toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

interface PageCheck {
  label: string;
  url: string;
  /** What shows the page is rendered; by default its main heading. */
  ready?: (page: Page) => Promise<void>;
}

async function checkPages(page: Page, checks: PageCheck[]): Promise<void> {
  for (const check of checks) {
    await test.step(check.label, async () => {
      await page.goto(check.url);
      if (check.ready) await check.ready(page);
      else await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectAccessible(page, `${check.label} ${check.url}`);
    });
  }
}

/**
 * A room page is ready once its conversation is live or polling (the badge would change colour
 * under axe) and, for a member on a phone, the People button says how many are online.
 */
const roomReady = (room: ArrangedRoom) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(room.name);
  const badge = page.getByTestId("connection-badge");
  await expect(badge).toHaveAttribute("data-status", /^(connected|disabled)$/, { timeout: 15_000 });
  if (
    (await badge.getAttribute("data-status")) === "connected" &&
    (await page.getByTestId("people-open").isVisible())
  ) {
    await expect(page.getByTestId("people-online-count")).toBeVisible();
  }
};

/** A member with a bio, and a room they host with messages from them and from someone else. */
async function arrange(prefix: string): Promise<{ member: Member; room: ArrangedRoom }> {
  const [member, other] = await Promise.all([
    createMember({ prefix, bio: "Writes about Python and tea." }),
    createMember({ prefix: `${prefix}o` }),
  ]);
  const room = await createRoom({
    hostId: member.id,
    name: `Accessible room ${randomBytes(3).toString("hex")}`,
    messages: [
      { authorId: other.id, body: "Hello! Is **anyone** here? https://example.test/a-link" },
      { authorId: member.id, body: "Yes, welcome. `code` and a [link](https://example.test)." },
      { authorId: null, body: "A message whose author deleted their account." },
      { authorId: other.id, body: "Thanks!" },
    ],
  });
  // Reactions on the first message: chips (buttons for members, named images for visitors) are scanned too.
  await sql(
    `INSERT INTO "Reaction" ("messageId", emoji, "userId")
     SELECT m.id, e.emoji, e."userId" FROM (SELECT id FROM "Message" WHERE "roomId" = $1 ORDER BY id LIMIT 1) m,
       (VALUES ('👍️', $2), ('👍️', $3), ('❤️', $3)) AS e(emoji, "userId")`,
    [room.id, member.id, other.id],
  );
  return { member, room };
}

async function signIn(context: BrowserContext, baseURL: string | undefined, member: Member): Promise<void> {
  await signInByCookie(context, baseURL ?? "", member);
}

/** Declares the a11y tests for the project the calling spec file runs in ("phone" adds the sheets phones open). */
export function defineA11yTests({ phone = false }: { phone?: boolean } = {}): void {
  test.beforeEach(() => {
    schemes = phone ? ["light"] : SCHEMES;
  });
  test.afterEach(() => {
    schemes = SCHEMES;
  });
  test.describe("axe", () => {
    // Every page twice (light, dark) in one context: longer than one interaction, far shorter than a context per page.
    test.describe.configure({ timeout: 150_000 });

    test("pages a visitor reads", async ({ page }) => {
      const { member, room } = await arrange("av");
      await checkPages(page, [
        { label: "home", url: "/" },
        { label: "search results", url: "/?q=python" },
        { label: "a topic's rooms", url: "/?topic=python" },
        { label: "topics", url: "/topics" },
        { label: "recent activity", url: "/activity" },
        { label: "a room", url: `/rooms/${room.slug}`, ready: roomReady(room) },
        { label: "a profile", url: `/u/${member.username}` },
        { label: "404", url: "/no-such-page" },
        { label: "unknown profile", url: "/u/nobody-by-this-name" },
      ]);
    });

    test("the sign-in pages", async ({ page }) => {
      const member = await createMember({ prefix: "av" });
      // A live reset link, so the page shows its form rather than "this link isn't valid".
      const token = randomBytes(32).toString("base64url");
      await sql(
        `INSERT INTO "OneTimeToken" (id, "userId", kind, "tokenHash", "expiresAt") VALUES ($1, $2, 'PASSWORD_RESET', $3, now() + interval '1 hour')`,
        [
          `e2etok${randomBytes(8).toString("hex")}`,
          member.id,
          createHash("sha256").update(token, "utf8").digest("hex"),
        ],
      );
      await checkPages(page, [
        { label: "sign in", url: "/login" },
        { label: "register", url: "/register" },
        { label: "forgot password", url: "/forgot-password" },
        { label: "reset password", url: `/reset-password?token=${token}` },
        { label: "reset password, dead link", url: "/reset-password?token=not-a-token" },
        { label: "verify email, dead link", url: "/verify-email?token=not-a-token" },
      ]);
    });

    test("pages a member sees", async ({ context, page, baseURL }) => {
      const { member, room } = await arrange("am");
      await signIn(context, baseURL, member);
      await checkPages(page, [
        { label: "home", url: "/" },
        { label: "a room as a member", url: `/rooms/${room.slug}`, ready: roomReady(room) },
        { label: "settings", url: "/settings" },
        { label: "recent activity", url: "/activity" },
        { label: "my activity", url: "/activity/mine" },
        { label: "new room", url: "/rooms/new" },
        { label: "edit room", url: `/rooms/${room.slug}/edit` },
        { label: "own profile", url: `/u/${member.username}` },
      ]);
    });

    test("pages a member who has not confirmed their email sees", async ({ context, page, baseURL }) => {
      const member = await createMember({ prefix: "au" });
      await sql(`UPDATE "User" SET "emailVerifiedAt" = NULL WHERE id = $1`, [member.id]);
      await signIn(context, baseURL, member);
      await checkPages(page, [
        { label: "home with the confirm banner", url: "/" },
        { label: "verify email, dead link", url: "/verify-email?token=not-a-token" },
      ]);
    });

    test("admin pages", async ({ context, page, baseURL }) => {
      const admin = await createWithRole("ADMIN", "aa");
      const { room } = await arrange("ar");
      await signIn(context, baseURL, admin);
      // On a phone the admin area's own chrome (the first page) is what differs; its pages are the desktop's.
      const pages = (await adminPageUrls()).slice(0, phone ? 1 : undefined);
      await checkPages(page, [
        ...pages.map(({ key, url }) => ({ label: `admin ${key}`, url })),
        { label: "admin 404", url: "/admin/no-such-page" },
        { label: "a room as a moderator", url: `/rooms/${room.slug}`, ready: roomReady(room) },
      ]);
    });

    test("menus, dialogs and error messages", async ({ context, page, baseURL }) => {
      await test.step("sign-in errors", async () => {
        await page.goto("/login");
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await expect(page.getByLabel("Email or username", { exact: true })).toHaveAttribute("aria-invalid", "true");
        await expectAccessible(page, "sign in with errors");
      });
      const { member, room } = await arrange("as");
      await signIn(context, baseURL, member);
      await test.step("account menu", async () => {
        await page.goto("/");
        await page.getByTestId("user-menu-button").click();
        await expect(page.getByRole("link", { name: "Profile", exact: true })).toBeVisible();
        await expectAccessible(page, "home with the account menu open");
      });
      if (phone) {
        await test.step("home sheets", async () => {
          await page.goto("/");
          for (const [button, title] of [
            ["Topics", "Topics"],
            ["Activity", "Recent activity"],
          ] as const) {
            await page.getByRole("button", { name: button, exact: true }).click();
            await expect(page.getByRole("dialog", { name: title })).toBeVisible();
            await expectAccessible(page, `home with the ${title} sheet open`);
            await page.keyboard.press("Escape");
          }
        });
        await test.step("people sheet", async () => {
          await page.goto(`/rooms/${room.slug}`);
          await roomReady(room)(page);
          await page.getByTestId("people-open").click();
          await expect(page.getByRole("dialog", { name: "People" })).toBeVisible();
          await expectAccessible(page, "a room with the people sheet open");
        });
      }
    });
  });
}
