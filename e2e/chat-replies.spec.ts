// Replies (issue 16): a member replies to a message in another browser; both see the quote live, the quote jumps to
// the original, Escape cancels a reply being written, and a deleted original reads "Message deleted".
import { expect, test } from "./support/test";
import { chatPair, composerInput, insertMessages, messageWith, sendMessage } from "./support/chat";

test("reply and jump to the original; the quote follows the original's deletion", async ({ browser, baseURL }) => {
  const pair = await chatPair(browser, baseURL ?? "", "Replying", { open: false });
  try {
    await insertMessages(pair.room.id, pair.a.member.id, 120, "Point");
    const { page: host } = pair.a;
    const { page: member } = pair.b;
    await Promise.all([host.goto(`/rooms/${pair.room.slug}`), member.goto(`/rooms/${pair.room.slug}`)]);

    // Escape drops a reply being written.
    const last = messageWith(member, "Point 120");
    await last.hover();
    await last.getByTestId("reply-message").click();
    await expect(member.getByTestId("composer-reply")).toContainText("Replying to");
    await expect(composerInput(member)).toBeFocused();
    await composerInput(member).press("Escape");
    await expect(member.getByTestId("composer-reply")).toHaveCount(0);

    await last.hover();
    await last.getByTestId("reply-message").click();
    await expect(member.getByTestId("composer-reply")).toContainText("Point 120");
    await sendMessage(member, "Agreed with that");

    // Live for the other browser, with the quote.
    const reply = messageWith(host, "Agreed with that");
    await expect(reply.getByTestId("reply-quote")).toContainText("Point 120");
    await expect(member.getByTestId("composer-reply")).toHaveCount(0);

    // The quote jumps to the original, highlighted.
    await messageWith(member, "Point 120").scrollIntoViewIfNeeded();
    await messageWith(member, "Agreed with that").getByTestId("reply-quote").click();
    await expect(messageWith(member, "Point 120")).toHaveAttribute("data-highlighted", "true");

    // The host deletes the original: both quotes say so.
    const original = messageWith(host, "Point 120");
    await original.hover();
    await original.getByRole("button", { name: /Delete/ }).click();
    await host.getByTestId("delete-message-dialog").getByRole("button", { name: "Delete message" }).click();
    await expect(reply.getByTestId("reply-quote")).toHaveText("Message deleted");
    await expect(messageWith(member, "Agreed with that").getByTestId("reply-quote")).toHaveText("Message deleted");
  } finally {
    await pair.close();
  }
});
