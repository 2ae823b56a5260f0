// Reactions (issue 16): a reaction made in one browser appears live in the other with who reacted (on hover and on
// keyboard focus), the other member joins it and takes it back, each change live; the picker's search finds an emoji
// by name; a visitor reads the names but cannot toggle.
import { expect, test } from "./support/test";
import { chatPair, insertMessages, messageWith } from "./support/chat";
import { sql } from "./support/services";

const THUMBS = "👍️";

test("a reaction is seen live with who reacted, joined and toggled off live", async ({ browser, baseURL }) => {
  const pair = await chatPair(browser, baseURL ?? "", "Reacting");
  try {
    const { page: host, member: hostMember } = pair.a;
    const { page: member, member: memberMember } = pair.b;
    await insertMessages(pair.room.id, memberMember.id, 1, "Exam tomorrow at nine");
    await Promise.all([host.reload(), member.reload()]);

    // The host reacts from the message's tools: the picker opens with the quick reactions.
    const onHost = messageWith(host, "Exam tomorrow at nine 1");
    await onHost.hover();
    await onHost.getByTestId("react-message").click();
    const picker = host.getByTestId("reaction-picker");
    await expect(picker).toBeVisible();
    await picker.getByTestId("quick-reaction").filter({ hasText: THUMBS }).click();
    await expect(picker).toBeHidden();
    const hostChip = onHost.getByTestId("reaction");
    await expect(hostChip).toHaveAttribute("data-count", "1");
    await expect(hostChip).toHaveAttribute("data-mine", "true");

    // Live in the other browser, with the host named on hover.
    const onMember = messageWith(member, "Exam tomorrow at nine 1");
    const memberChip = onMember.getByTestId("reaction");
    await expect(memberChip).toHaveAttribute("data-count", "1");
    await expect(memberChip).not.toHaveAttribute("data-mine", /.*/);
    await memberChip.hover();
    await expect(member.getByTestId("reaction-tooltip")).toHaveText(`${hostMember.name} reacted with ${THUMBS}`);

    // The member joins by keyboard: focus names both, Enter toggles, the host sees 2 live.
    await memberChip.focus();
    await member.keyboard.press("Enter");
    await expect(memberChip).toHaveAttribute("data-mine", "true");
    await expect(memberChip).toHaveAttribute("aria-pressed", "true");
    await expect(hostChip).toHaveAttribute("data-count", "2");
    await hostChip.focus();
    await expect(host.getByTestId("reaction-tooltip")).toHaveText(
      `You and ${memberMember.name} reacted with ${THUMBS}`,
    );

    // The host takes theirs back: the member sees 1 live, then the member's own goes and the chip with it.
    await hostChip.click();
    await expect(memberChip).toHaveAttribute("data-count", "1");
    await expect(hostChip).not.toHaveAttribute("data-mine", /.*/);
    await memberChip.click();
    await expect(onHost.getByTestId("reactions")).toHaveCount(0);
    await expect(onMember.getByTestId("reactions")).toHaveCount(0);
    const stored = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Reaction" r JOIN "Message" m ON m.id = r."messageId" WHERE m."roomId" = $1`,
      [pair.room.id],
    );
    expect(stored[0]?.n).toBe(0);
  } finally {
    await pair.close();
  }
});

test("the picker finds an emoji by name, and a visitor reads reactions without toggling", async ({
  browser,
  baseURL,
}) => {
  const pair = await chatPair(browser, baseURL ?? "", "Picking");
  try {
    const { page: host } = pair.a;
    await insertMessages(pair.room.id, pair.b.member.id, 1, "Launch day");
    await host.reload();
    const message = messageWith(host, "Launch day 1");
    await message.hover();
    await message.getByTestId("react-message").click();
    await host.getByTestId("emoji-search").fill("rocket");
    // The one named so comes first, before those only tagged with the word (the astronauts).
    await expect(host.getByTestId("emoji-option").first()).toHaveAttribute("data-emoji", "🚀");
    await host.keyboard.press("Enter");
    await expect(message.getByTestId("reaction")).toHaveAttribute("data-emoji", "🚀");
    // Back on the button it opened from.
    await expect(message.getByTestId("react-message")).toBeFocused();

    const visitor = await browser.newContext({ baseURL: baseURL ?? "" });
    try {
      const page = await visitor.newPage();
      await page.goto(`/rooms/${pair.room.slug}`);
      const chip = messageWith(page, "Launch day 1").getByTestId("reaction");
      await expect(chip).toHaveAttribute("data-count", "1");
      await expect(chip).toHaveAttribute("role", "img");
      await chip.focus();
      await expect(page.getByTestId("reaction-tooltip")).toHaveText(`${pair.a.member.name} reacted with 🚀`);
      await expect(messageWith(page, "Launch day 1").getByTestId("react-message")).toHaveCount(0);
    } finally {
      await visitor.close();
    }
  } finally {
    await pair.close();
  }
});
