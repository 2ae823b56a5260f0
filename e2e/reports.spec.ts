// Reporting a message (issue 17, item 5): a member reports a message from its tools through the dialog (the tool then
// says Reported); a moderator finds it in /admin/reports quoted in context with the count and the reasons, deletes it
// from there, and it leaves the queue and the room; the reporter's bell and inbox say so. Permissions and bad input:
// tests/integration/reports.test.ts.
import { expect, test } from "./support/test";
import { createWithRole, signedIn } from "./support/admin";
import { chatPair, insertMessages, messageWith } from "./support/chat";
import { createMember } from "./support/members";
import { sql } from "./support/services";

test("a member reports a message; a moderator sees it with the count in /admin/reports and deletes it", async ({
  browser,
  baseURL,
}) => {
  const pair = await chatPair(browser, baseURL ?? "", "Reporting");
  try {
    const { page: hostPage, member: host } = pair.a;
    const { page: page, member } = pair.b;
    await insertMessages(pair.room.id, host.id, 3, "Cheap watches at spam dot example");
    await Promise.all([hostPage.reload(), page.reload()]);
    const [target] = await sql<{ id: number }>(`SELECT id FROM "Message" WHERE "roomId" = $1 AND body = $2`, [
      pair.room.id,
      "Cheap watches at spam dot example 2",
    ]);
    if (!target) throw new Error("the message to report was not stored");

    // Not on one's own messages: the host's tools have no Report.
    const own = messageWith(hostPage, "Cheap watches at spam dot example 2");
    await own.hover();
    await expect(own.getByTestId("report-message")).toHaveCount(0);

    // The member reports it: "other" asks for a note before it sends.
    const message = messageWith(page, "Cheap watches at spam dot example 2");
    await message.hover();
    await message.getByTestId("report-message").click();
    const dialog = page.getByTestId("report-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("radio", { name: "Something else" }).check();
    await dialog.getByTestId("report-submit").click();
    await expect(dialog.getByText("Say in a few words what is wrong with it.")).toBeVisible();
    await dialog.getByRole("textbox", { name: "What is wrong with it?" }).fill("Advertising a scam shop");
    await dialog.getByTestId("report-submit").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Thanks, moderators will look at it." })).toBeVisible();
    await message.hover();
    await expect(message.getByTestId("message-reported")).toBeVisible();
    // And after a reload: the page asks which of the room's messages the member reported.
    await page.reload();
    await messageWith(page, "Cheap watches at spam dot example 2").hover();
    await expect(
      messageWith(page, "Cheap watches at spam dot example 2").getByTestId("message-reported"),
    ).toBeVisible();

    // A second member reported it as spam too (straight in the database).
    const other = await createMember({ prefix: "rep2" });
    await sql(
      `INSERT INTO "Report" (id, "messageId", "reporterId", reason) VALUES ($1, $2, $3, 'SPAM'::"ReportReason")`,
      [`e2e${Date.now()}${other.id.slice(0, 8)}`, target.id, other.id],
    );

    const moderator = await signedIn(browser, await createWithRole("MODERATOR"));
    await moderator.goto("/admin/reports");
    const entry = moderator.locator(`[data-testid="report-entry"][data-message-id="${target.id}"]`);
    await expect(entry.getByTestId("report-count")).toHaveText("2");
    await expect(entry.getByTestId("reported-message")).toContainText("Cheap watches at spam dot example 2");
    // Quoted in context: the messages before and after it, each linking to it in the room.
    await expect(entry).toContainText("Cheap watches at spam dot example 1");
    await expect(entry).toContainText("Cheap watches at spam dot example 3");
    await expect(entry.getByTestId("reported-message").getByRole("link")).toHaveAttribute(
      "href",
      `/rooms/${pair.room.slug}?m=${target.id}`,
    );
    await expect(entry.getByTestId("report-reasons")).toContainText(`@${member.username}`);
    await expect(entry.getByTestId("report-reasons")).toContainText("Advertising a scam shop");
    await expect(entry.getByTestId("report-reasons")).toContainText("Spam");

    await entry.getByTestId("report-delete").getByRole("button", { name: "Delete message" }).click();
    const confirm = moderator.getByRole("alertdialog");
    await confirm.getByRole("button", { name: "Delete message" }).click();
    await expect(moderator.getByRole("status").filter({ hasText: "2 reports resolved" })).toBeVisible();
    await expect(entry).toHaveCount(0);

    // Gone from the room, live.
    await expect(messageWith(page, "Cheap watches at spam dot example 2")).toHaveCount(0);
    const open = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Report" WHERE "messageId" = $1 AND "resolvedAt" IS NULL`,
      [target.id],
    );
    expect(open[0]?.n).toBe(0);
    await moderator.context().close();

    // The reporter is told, live: their bell counts it and the inbox says what moderators did.
    const bell = page.getByTestId("notification-bell");
    await expect(bell).toHaveAttribute("data-count", "1");
    await bell.click();
    const outcome = page.getByTestId("inbox-entry").first();
    await expect(outcome).toHaveAttribute("data-kind", "report");
    await expect(outcome).toContainText("Moderators deleted a message you reported in Reporting");
    await expect(outcome).toContainText("This message was deleted.");
  } finally {
    await pair.close();
  }
});
