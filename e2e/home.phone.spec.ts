// On a phone the header search folds into a button; opening it moves focus into the field. A
// member's header keeps the unread total beside the menu, and cards with badges still fit.
import { randomBytes, randomInt } from "node:crypto";
import { expect, headerSearchReady, test } from "./support/test";
import { signInViaApi } from "./support/accounts";
import { createMember, createRoom } from "./support/members";
import { sql } from "./support/services";

// Room searches are limited per IP (lib/rooms/search-limit.ts); this file speaks for an address of its own.
const clientIp = `10.26.${randomInt(256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });

test("the phone header search opens from its button and searches", async ({ page }) => {
  await page.goto("/");
  await headerSearchReady(page);
  const toggle = page.getByRole("button", { name: "Show search" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("searchbox", { name: "Search rooms" })).toBeHidden();

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const search = page.getByRole("searchbox", { name: "Search rooms" });
  await expect(search).toBeFocused();
  await search.fill("rust");
  await search.press("Enter");

  await expect(page).toHaveURL(/\/\?q=rust$/);
  await expect(page.getByTestId("room-card").getByRole("link", { name: "Rust for beginners" })).toBeVisible();
  // No sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a member's header and cards fit a phone with unread and online badges", async ({ page }) => {
  const [reader, other] = [await createMember({ prefix: "pr" }), await createMember({ prefix: "po" })];
  const room = await createRoom({
    hostId: reader.id,
    name: `A rather long room name for a phone ${randomBytes(3).toString("hex")}`,
    messages: [
      { authorId: other.id, body: "hello" },
      { authorId: other.id, body: "anyone?" },
    ],
  });
  await sql(`INSERT INTO "RoomPresence" ("roomId", "userId", online, "eventAt") VALUES ($1, $2, true, now())`, [
    room.id,
    other.id,
  ]);
  await signInViaApi(page, reader.email, reader.password ?? "");
  await page.goto(`/?q=${encodeURIComponent(room.name)}`);

  const header = page.getByTestId("header-unread");
  await expect(header).toBeVisible();
  await expect(header).toHaveAccessibleName("2 unread messages");
  await expect(page.getByTestId("user-menu-button")).toBeVisible();
  const card = page.getByTestId("room-card").filter({ hasText: room.name });
  await expect(card.getByTestId("room-unread")).toHaveText("2 new messages");
  await expect(card.getByTestId("room-online")).toHaveText("1 online");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The badge sits inside the card, not over its edge.
  const [badge, box] = await Promise.all([card.getByTestId("room-unread").boundingBox(), card.boundingBox()]);
  expect(badge && box && badge.x + badge.width <= box.x + box.width).toBe(true);
});
