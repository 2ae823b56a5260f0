// Jump to a message (issue 16): a link with ?m= opens the room around a message 500 back, centred and highlighted;
// scrolling down reads on towards the newest; "Jump to newest" takes the reader back to the live end in one click.
import { expect, test } from "./support/test";
import { chatPair, insertMessages, messages, messageWith, openRoom, sendMessage } from "./support/chat";
import { sql } from "./support/services";

test("?m= opens a message 500 back, highlighted; newer messages load below; 'Jump to newest' returns", async ({
  browser,
  baseURL,
}) => {
  const pair = await chatPair(browser, baseURL ?? "", "Jumping", { open: false });
  try {
    await insertMessages(pair.room.id, pair.a.member.id, 600, "Line");
    const [target] = await sql<{ id: number }>(`SELECT id FROM "Message" WHERE "roomId" = $1 AND body = 'Line 100'`, [
      pair.room.id,
    ]);
    const { page } = pair.b;

    await page.goto(`/rooms/${pair.room.slug}?m=${target?.id}`);
    const jumped = page.locator(`#message-${target?.id}`);
    await expect(jumped).toHaveAttribute("data-highlighted", "true");
    await expect(jumped).toBeInViewport();
    await expect(page.getByTestId("jump-announcement")).toContainText("Jumped to message from");
    await expect(messageWith(page, "Line 600")).toHaveCount(0);

    // Someone writes meanwhile: counted on the button, not shown below the gap.
    await openRoom(pair.a.page, pair.room);
    await sendMessage(pair.a.page, "Fresh news");
    const newest = page.getByTestId("jump-to-newest");
    await expect(newest).toContainText("Jump to newest");
    await expect(messageWith(page, "Fresh news")).toHaveCount(0);

    // Scrolling down reads on from the window.
    await messageWith(page, "Line 100").hover();
    await expect(async () => {
      await page.mouse.wheel(0, 4000);
      await expect(messageWith(page, "Line 160")).toHaveCount(1, { timeout: 1_000 });
    }).toPass();

    await newest.click();
    await expect(messageWith(page, "Fresh news")).toBeVisible();
    await expect(messageWith(page, "Line 600")).toHaveCount(1);
    await expect(newest).toHaveCount(0);
    await expect(page).toHaveURL((url) => !url.searchParams.has("m"));
    await expect(messages(page).last()).toContainText("Fresh news");
  } finally {
    await pair.close();
  }
});

test("an ?m= this room does not have shows the latest messages and says so", async ({ browser, baseURL }) => {
  const pair = await chatPair(browser, baseURL ?? "", "Jump nowhere", { open: false });
  try {
    await insertMessages(pair.room.id, pair.a.member.id, 3, "Only");
    const { page } = pair.b;
    for (const m of ["999999999", "not-a-number"]) {
      await page.goto(`/rooms/${pair.room.slug}?m=${m}`);
      await expect(page.getByTestId("jump-notice")).toContainText("That message could not be found.");
      await expect(messageWith(page, "Only 3")).toBeVisible();
    }
  } finally {
    await pair.close();
  }
});
