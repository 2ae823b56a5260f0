// Mentions (issue 17): typing `@` and part of a member's username in the room's composer suggests them in a listbox
// (the text box is its combobox); ArrowDown and Enter insert `@username ` without sending, and sending posts it.
import { expect, test } from "./support/test";
import { composerInput, messages, messageWith, openRoom } from "./support/chat";
import { createMember, createRoom, signInByCookie } from "./support/members";

test("suggest a member after @, pick them with the keyboard, send the mention", async ({ browser, baseURL }) => {
  const writer = await createMember({ prefix: "mw" });
  const friend = await createMember({ prefix: "mf" });
  // The friend posted in the room, so they are one of its participants (suggested first).
  const room = await createRoom({
    hostId: writer.id,
    name: "Mentioning",
    messages: [{ authorId: friend.id, body: "Anyone around?" }],
  });
  const context = await browser.newContext({ baseURL });
  try {
    await signInByCookie(context, baseURL ?? "", writer);
    const page = await context.newPage();
    await openRoom(page, room);

    const box = composerInput(page);
    await expect(box).toHaveAttribute("aria-expanded", "false");
    // "mf_" and six characters of the ten random ones: only the friend has them.
    const typed = friend.username.slice(0, 9);
    await box.click();
    await box.pressSequentially(`hey @${typed}`);

    const list = page.getByTestId("mention-suggestions");
    await expect(list).toBeVisible();
    const option = list.getByTestId("mention-option");
    await expect(option).toHaveCount(1);
    await expect(option).toHaveAttribute("data-username", friend.username);
    await expect(option).toContainText(friend.name);
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id")) ?? "");

    await box.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
    // Enter picks the suggestion: it does not send the half-written message.
    await box.press("Enter");
    await expect(box).toHaveValue(`hey @${friend.username} `);
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(messages(page)).toHaveCount(1);

    // The caret is after the inserted mention: typing goes on from there.
    await box.pressSequentially("welcome");
    await expect(box).toHaveValue(`hey @${friend.username} welcome`);
    await box.press("Enter");
    await expect(messageWith(page, `hey @${friend.username} welcome`)).toHaveCount(1);
    await expect(box).toHaveValue("");
  } finally {
    await context.close();
  }
});
