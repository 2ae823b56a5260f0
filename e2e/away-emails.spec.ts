// Away emails (issue 17 item 3), with the e2e server's short delay (AWAY_EMAIL_DELAY_MS in support/global-setup.ts):
// a mention left unread arrives in the mail catcher once, its link opens the message highlighted in its room, its
// unsubscribe page works signed out, the one-click POST (RFC 8058) answers 200 even from another origin, and settings
// then show Off. Settings' own choice persists across a reload, with a toast.
import { request as playwrightRequest } from "@playwright/test";
import { expectAccessible } from "./support/a11y";
import { expect, test } from "./support/test";
import { chatPair, messageWith, openRoom, sendMessage } from "./support/chat";
import { createMember, signInByCookie } from "./support/members";
import { linkIn, mailsTo, sql, waitForMail } from "./support/services";

/** The link with its MAC's last characters changed. */
const tamper = (url: string) => `${url.slice(0, -2)}${url.endsWith("AA") ? "BB" : "AA"}`;

const modeOf = async (userId: string) =>
  (await sql<{ mode: string }>(`SELECT "awayEmails"::text AS mode FROM "User" WHERE id = $1`, [userId]))[0]?.mode;

test("an unread mention is emailed once, its link opens the message, and unsubscribing works signed out", async ({
  browser,
  baseURL,
}) => {
  // Only the author has the room open: the reader is away.
  const pair = await chatPair(browser, baseURL ?? "", "Away emails", { open: false });
  const later = await createMember({ prefix: "aw" });
  try {
    const { page: author, member: writer } = pair.a;
    const { page: reader, member } = pair.b;
    await openRoom(author, pair.room);
    const text = `@${member.username} did you see the new schedule?`;
    await sendMessage(author, text);
    await expect(messageWith(author, text)).toBeVisible();

    const mail = await waitForMail(member.email, `${writer.name} mentioned you in ${pair.room.name}`);
    expect(mail.text).toContain("did you see the new schedule?");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // A later mention of someone else is emailed by a later pass of the worker; the reader still has one email.
    await sendMessage(author, `@${later.username} and you?`);
    await waitForMail(later.email, `${writer.name} mentioned you in ${pair.room.name}`);
    expect(await mailsTo(member.email)).toHaveLength(1);

    // The email's link lands on the message, highlighted.
    const link = linkIn(mail, `/rooms/${pair.room.slug}?m=`);
    const messageId = new URL(link).searchParams.get("m");
    await reader.goto(link);
    await expect(reader.locator(`#message-${messageId}`)).toHaveAttribute("data-highlighted", "true");

    // The unsubscribe page, signed out in a fresh context: it asks first, then confirms.
    const stranger = await browser.newContext({ baseURL });
    try {
      const page = await stranger.newPage();
      await page.goto(linkIn(mail, "/unsubscribe/"));
      const card = page.getByTestId("unsubscribe");
      await expect(card).toContainText(`${member.email[0]}•••@`);
      await expectAccessible(page, "the unsubscribe page");
      expect(await modeOf(member.id)).toBe("EACH");
      await card.getByRole("button", { name: "Unsubscribe" }).click();
      await expect(page.getByTestId("unsubscribe-done")).toBeVisible();
      // A tampered link says only that it is not valid.
      await page.goto(tamper(linkIn(mail, "/unsubscribe/")));
      await expect(page.getByTestId("unsubscribe-invalid")).toContainText("This link is not valid");
      await expect(page.getByTestId("unsubscribe-invalid")).not.toContainText(member.email.slice(1));
    } finally {
      await stranger.close();
    }
    await reader.goto("/settings#notifications");
    await expect(reader.getByTestId("away-email-off")).toBeChecked();

    // One click from the mail client: no cookie, its own origin, the body RFC 8058 prescribes.
    const laterMail = await waitForMail(later.email);
    const oneClick = /^<(.+)>$/.exec(String(laterMail.headers["list-unsubscribe"]))?.[1] ?? "";
    expect(oneClick).toContain("/api/unsubscribe/");
    const client = await playwrightRequest.newContext();
    try {
      const response = await client.post(oneClick, {
        headers: { Origin: "https://mail.example.com" },
        form: { "List-Unsubscribe": "One-Click" },
      });
      expect(response.status()).toBe(200);
      const tampered = await client.post(tamper(oneClick), { form: { "List-Unsubscribe": "One-Click" } });
      expect(tampered.status()).toBe(400);
      expect(await tampered.text()).not.toContain(later.email);
    } finally {
      await client.dispose();
    }
    expect(await modeOf(later.id)).toBe("OFF");
  } finally {
    await pair.close();
  }
});

test("the email notifications choice persists after a reload, with a toast", async ({ browser, baseURL }) => {
  const member = await createMember({ prefix: "aws" });
  const context = await browser.newContext({ baseURL });
  try {
    await signInByCookie(context, baseURL ?? "", member);
    const page = await context.newPage();
    await page.goto("/settings#notifications");
    const form = page.getByTestId("away-email-form");
    await expect(form.getByRole("radio", { name: /Every mention and reply/ })).toBeChecked();
    await form.getByRole("radio", { name: /Daily digest/ }).check();
    await form.getByRole("button", { name: "Save email settings" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "at most one email a day" })).toBeVisible();
    await expectAccessible(page, "settings with the email notifications choice");
    await page.reload();
    await expect(page.getByTestId("away-email-form").getByRole("radio", { name: /Daily digest/ })).toBeChecked();
    expect(await modeOf(member.id)).toBe("DAILY");
  } finally {
    await context.close();
  }
});
