// Mentions and the notifications inbox (issue 17): a mention in one browser lights the other member's bell live, the
// inbox names who mentioned them where, and its entry opens the message highlighted in its room; a mention of nobody
// stays plain text; a reply to a message that is then deleted says so in the inbox, and "Mark all read" empties the
// bell.
import { expect, test } from "./support/test";
import { chatPair, messageWith, sendMessage } from "./support/chat";
import { sql } from "./support/services";

test("a mention lights the bell live, and the inbox entry opens the message highlighted", async ({
  browser,
  baseURL,
}) => {
  const pair = await chatPair(browser, baseURL ?? "", "Mentioning");
  try {
    const { page: author } = pair.a;
    const { page: reader, member } = pair.b;
    // The bell streams in after its fallback: the subscription passes from one to the other, signed once.
    const userChannelAuths: string[] = [];
    reader.on("request", (request) => {
      const channel = new URLSearchParams(request.postData() ?? "").get("channel_name") ?? "";
      if (request.url().endsWith("/api/pusher/auth") && channel.startsWith("private-user-")) {
        userChannelAuths.push(channel);
      }
    });
    await reader.goto("/");
    const bell = reader.getByTestId("notification-bell");
    await expect(bell).toHaveAttribute("data-count", "0");
    await expect(bell).toHaveAccessibleName("No unread notifications");
    await expect(bell).toHaveAttribute("data-live", "true");
    expect(userChannelAuths).toHaveLength(1);

    const text = `@${member.username} can you check this? Not @nobody_at_all though.`;
    await sendMessage(author, text);
    const sent = messageWith(author, text);
    await expect(sent.getByRole("link", { name: `@${member.username}` })).toHaveAttribute(
      "href",
      `/u/${member.username}`,
    );
    await expect(sent.getByRole("link", { name: "@nobody_at_all" })).toHaveCount(0);

    // Live: the reader did not reload.
    await expect(bell).toHaveAttribute("data-count", "1");
    await expect(bell).toHaveAccessibleName("1 unread notification");
    await bell.click();
    await expect(reader).toHaveURL(/\/notifications$/);
    const entry = reader.getByTestId("inbox-entry").first();
    await expect(entry).toHaveAttribute("data-kind", "mention");
    await expect(entry).toContainText(`${pair.a.member.name} mentioned you in Mentioning`);
    await expect(entry).toContainText("can you check this?");

    const messageId = await entry.getAttribute("data-message-id");
    await entry.getByRole("link").click();
    await expect(reader).toHaveURL(new RegExp(`/rooms/${pair.room.slug}\\?m=${messageId}$`));
    await expect(reader.locator(`#message-${messageId}`)).toHaveAttribute("data-highlighted", "true");
    await expect(bell).toHaveAttribute("data-count", "0");
    const [stored] = await sql<{ read: boolean }>(
      `SELECT "readAt" IS NOT NULL AS read FROM "Notification" WHERE "userId" = $1`,
      [member.id],
    );
    expect(stored?.read).toBe(true);
  } finally {
    await pair.close();
  }
});

test("a reply whose message is deleted says so in the inbox, and Mark all read empties the bell", async ({
  browser,
  baseURL,
}) => {
  const pair = await chatPair(browser, baseURL ?? "", "Replying later");
  try {
    const { page: author } = pair.a;
    const { page: reader, member } = pair.b;
    await sendMessage(reader, "Who knows the answer?");
    await sendMessage(author, `@${member.username} first ping`);
    const original = messageWith(author, "Who knows the answer?");
    await original.hover();
    await original.getByTestId("reply-message").click();
    await sendMessage(author, "Here it is");
    const reply = messageWith(author, "Here it is");
    await expect(reply).toBeVisible();
    const [row] = await sql<{ id: number }>(`SELECT id FROM "Message" WHERE body = 'Here it is' AND "roomId" = $1`, [
      pair.room.id,
    ]);
    await sql(`UPDATE "Message" SET "deletedAt" = now(), body = '' WHERE id = $1`, [row?.id]);

    await reader.goto("/notifications");
    const entries = reader.getByTestId("inbox-entry");
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toHaveAttribute("data-kind", "reply");
    await expect(entries.first()).toContainText("replied to your message");
    await expect(entries.first()).toContainText("This message was deleted.");
    await expect(reader.getByTestId("inbox-unread")).toHaveText("2 unread");

    await reader.getByRole("button", { name: "Mark all read" }).click();
    await expect(reader.getByTestId("inbox-unread")).toHaveText("You are all caught up.");
    await expect(reader.getByTestId("notification-bell")).toHaveAttribute("data-count", "0");
    await expect(reader.getByTestId("unread-dot")).toHaveCount(0);
    await reader.reload();
    await expect(reader.getByTestId("inbox-unread")).toHaveText("You are all caught up.");
  } finally {
    await pair.close();
  }
});
