// Pins (issue 16): the host pins a message and it appears live in the other browser's pins panel, where it jumps to
// the message; unpinning takes it away for both.
import { expect, test } from "./support/test";
import { chatPair, insertMessages, messageWith } from "./support/chat";

test("a pin appears in the other browser's pins panel and jumps to its message", async ({ browser, baseURL }) => {
  const pair = await chatPair(browser, baseURL ?? "", "Pinning", { open: false });
  try {
    await insertMessages(pair.room.id, pair.a.member.id, 200, "Note");
    const { page: host } = pair.a;
    const { page: member } = pair.b;
    await Promise.all([host.goto(`/rooms/${pair.room.slug}`), member.goto(`/rooms/${pair.room.slug}`)]);
    await expect(member.getByTestId("pins-open")).toHaveAttribute("data-count", "0");
    // Members see no Pin action.
    await messageWith(member, "Note 200").hover();
    await expect(messageWith(member, "Note 200").getByTestId("pin-message")).toHaveCount(0);

    const note = messageWith(host, "Note 200");
    await note.hover();
    await note.getByTestId("pin-message").click();
    await expect(host.getByText("Message pinned.")).toBeVisible();
    await expect(note).toHaveAttribute("data-pinned", "true");

    // Live in the other browser: the count, the marker and the panel.
    const open = member.getByTestId("pins-open");
    await expect(open).toHaveAttribute("data-count", "1");
    await expect(messageWith(member, "Note 200")).toHaveAttribute("data-pinned", "true");
    await open.click();
    const panel = member.getByTestId("pins-panel");
    await expect(panel.getByTestId("pin-entry")).toHaveCount(1);
    await expect(panel.getByTestId("pin-excerpt")).toHaveText("Note 200");
    await expect(panel.getByTestId("pin-unpin")).toHaveCount(0);
    await member.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(open).toBeFocused();

    // Jumping from the panel to a message that scrolled out of view.
    await open.click();
    await panel.getByTestId("pin-entry").getByRole("button").first().click();
    await expect(panel).toBeHidden();
    await expect(messageWith(member, "Note 200")).toHaveAttribute("data-highlighted", "true");

    // The host unpins from the panel: gone for both.
    await host.getByTestId("pins-open").click();
    await host.getByTestId("pins-panel").getByTestId("pin-unpin").click();
    await expect(open).toHaveAttribute("data-count", "0");
    await open.click();
    await expect(member.getByTestId("pins-empty")).toBeVisible();
  } finally {
    await pair.close();
  }
});
