// The room page on a phone: the conversation fills the screen under the header, the composer
// stays on screen, the page itself does not scroll, and the people panel slides in on request.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { composerInput, insertMessages, messageWith, openRoom, pendingMessages, sendMessage } from "./support/chat";
import { createMember, createRoom, signInByCookie } from "./support/members";

for (const width of [390, 360]) {
  test(`at ${width} px the chat fills the screen and people open in a panel`, async ({ browser, baseURL }, testInfo) => {
    const member = await createMember({ prefix: "ph" });
    const other = await createMember({ prefix: "po" });
    const room = await createRoom({ hostId: member.id, name: `Phone room ${randomBytes(3).toString("hex")}` });
    await insertMessages(room.id, other.id, 30, "Chatter from the other side of the room, long enough to wrap on a phone");
    const context = await browser.newContext({ baseURL, viewport: { width, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await signInByCookie(context, baseURL ?? "", member);
    const page = await context.newPage();
    try {
      await openRoom(page, room);
      await sendMessage(page, "Typed on a phone, with a **bold** word");
      await expect(pendingMessages(page)).toHaveCount(0);
      await expect(messageWith(page, "Typed on a phone, with a bold word")).toBeInViewport();

      const overflow = await page.evaluate(() => ({
        vertical: document.documentElement.scrollHeight - window.innerHeight,
        horizontal: document.documentElement.scrollWidth - window.innerWidth,
      }));
      expect(overflow.vertical).toBeLessThanOrEqual(1);
      expect(overflow.horizontal).toBeLessThanOrEqual(0);
      await expect(composerInput(page)).toBeInViewport();
      await expect(page.getByTestId("room-description")).toBeHidden();
      await page.screenshot({ path: testInfo.outputPath(`room-phone-${width}.png`) });

      // "About" unfolds the description; "People" opens the panel, Escape closes it.
      await page.getByRole("button", { name: "About" }).click();
      await expect(page.getByTestId("room-description")).toBeVisible();
      await page.getByRole("button", { name: "About" }).click();
      await page.getByTestId("people-open").click();
      const drawer = page.getByTestId("people-drawer");
      await expect(drawer).toBeVisible();
      await expect(drawer).toBeInViewport();
      await page.screenshot({ path: testInfo.outputPath(`room-phone-${width}-people.png`) });
      await page.keyboard.press("Escape");
      await expect(drawer).toBeHidden();
      await expect(page.getByTestId("people-open")).toBeFocused();
    } finally {
      await context.close();
    }
  });
}
