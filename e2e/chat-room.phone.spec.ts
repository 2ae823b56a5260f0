// The room page on a phone: the conversation fills the screen under the header, the composer
// stays on screen, the page itself does not scroll, and the people panel slides in on request.
import { randomBytes } from "node:crypto";
import { expect, test } from "./support/test";
import { composerInput, insertMessages, messageWith, openRoom, pendingMessages, sendMessage } from "./support/chat";
import { createMember, createRoom, signInByCookie } from "./support/members";

for (const width of [390, 360]) {
  test(`at ${width} px the chat fills the screen and people open in a panel`, async ({
    browser,
    baseURL,
  }, testInfo) => {
    const member = await createMember({ prefix: "ph" });
    const other = await createMember({ prefix: "po" });
    const room = await createRoom({ hostId: member.id, name: `Phone room ${randomBytes(3).toString("hex")}` });
    await insertMessages(
      room.id,
      other.id,
      30,
      "Chatter from the other side of the room, long enough to wrap on a phone",
    );
    const context = await browser.newContext({
      baseURL,
      viewport: { width, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
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
      const drawer = page.getByRole("dialog", { name: "People" });
      await expect(drawer).toBeVisible();
      await expect(drawer).toBeInViewport();
      await expect(drawer.getByRole("link", { name: new RegExp(other.name) })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`room-phone-${width}-people.png`) });
      await page.keyboard.press("Escape");
      await expect(drawer).toBeHidden();
      await expect(page.getByTestId("people-open")).toBeFocused();
    } finally {
      await context.close();
    }
  });
}

test("the people panel is a modal dialog: focus moves in, Tab stays inside, Escape closes, focus returns", async ({
  browser,
  baseURL,
}) => {
  const member = await createMember({ prefix: "pk" });
  const others = [await createMember({ prefix: "pk1" }), await createMember({ prefix: "pk2" })];
  const room = await createRoom({
    hostId: member.id,
    name: `Keyboard room ${randomBytes(3).toString("hex")}`,
    messages: others.map((o) => ({ authorId: o.id, body: `Hello from ${o.name}` })),
  });
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await signInByCookie(context, baseURL ?? "", member);
  const page = await context.newPage();
  try {
    await openRoom(page, room);
    const opener = page.getByTestId("people-open");
    await expect(opener).toHaveAttribute("aria-haspopup", "dialog");
    await opener.focus();
    await page.keyboard.press("Enter");

    const drawer = page.getByRole("dialog", { name: "People" });
    await expect(drawer).toBeVisible();
    await expect(drawer).toHaveAttribute("aria-modal", "true");
    // In the top layer with the rest of the page inert (showModal), not merely drawn on top.
    expect(await drawer.evaluate((el) => el.matches(":modal"))).toBe(true);
    await expect(opener).toHaveAttribute("aria-expanded", "true");
    const close = drawer.getByRole("button", { name: "Close people" });
    await expect(close).toBeFocused();
    // The close button and a link per person (the viewer online, the two participants).
    const stops = await drawer.evaluate(
      (el) => [...el.querySelectorAll("a[href], button")].filter((c) => (c as HTMLElement).checkVisibility()).length,
    );
    expect(stops).toBeGreaterThanOrEqual(3);

    const focusInside = () =>
      drawer.evaluate((el) => el.contains(document.activeElement) && document.activeElement !== el);
    for (let i = 1; i < stops; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInside(), `Tab ${i}`).toBe(true);
      await expect(close).not.toBeFocused();
    }
    // Past the last one, round to the first; Shift+Tab from the first goes to the last.
    await page.keyboard.press("Tab");
    await expect(close).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    expect(await focusInside()).toBe(true);
    await expect(close).not.toBeFocused();
    // The page behind is inert: its controls cannot take focus.
    const behindFocusable = await page.evaluate(() => {
      const composer = document.querySelector<HTMLElement>("[data-testid=composer-input]");
      composer?.focus();
      return document.activeElement === composer;
    });
    expect(behindFocusable).toBe(false);

    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(opener).toBeFocused();
    await expect(opener).toHaveAttribute("aria-expanded", "false");

    // Its close button and the backdrop close it too, and focus still returns.
    await opener.click();
    await expect(drawer).toBeVisible();
    await drawer.getByRole("button", { name: "Close people" }).click();
    await expect(drawer).toBeHidden();
    await expect(opener).toBeFocused();
    await opener.click();
    await expect(drawer).toBeVisible();
    await page.mouse.click(20, 400);
    await expect(drawer).toBeHidden();
    await expect(opener).toBeFocused();
  } finally {
    await context.close();
  }
});
