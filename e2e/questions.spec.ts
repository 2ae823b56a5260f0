// Questions with accepted answers (issue 18 item 3): a member asks with "Ask", the question gets two answers (replies)
// from the host, the asker accepts the second; both browsers see the badges live; the Questions panel lists it under
// Answered and links to its public page, which shows the accepted answer first; a signed-out visitor opens that page.
import { expect, test } from "./support/test";
import { chatPair, composerInput, messageWith, openRoom, sendMessage } from "./support/chat";

test("ask, answer twice, accept one; the public page puts it first for a visitor", async ({ browser, baseURL }) => {
  const pair = await chatPair(browser, baseURL ?? "", "Asking");
  const visitor = await browser.newContext({ baseURL });
  try {
    const { page: host } = pair.a;
    const { page: asker } = pair.b;

    // The asker presses Ask, then sends: the message is a question for both browsers.
    await composerInput(asker).fill("How do I centre a div?");
    await asker.getByTestId("composer-ask").click();
    await expect(asker.getByTestId("composer-ask")).toHaveAttribute("aria-pressed", "true");
    await composerInput(asker).press("Enter");
    await expect(asker.getByTestId("composer-ask")).toHaveAttribute("aria-pressed", "false");
    const hostQuestion = messageWith(host, "How do I centre a div?");
    await expect(hostQuestion.getByTestId("question-badge")).toHaveText("Question");
    await expect(messageWith(asker, "How do I centre a div?").getByTestId("question-badge")).toBeVisible();
    await expect(host.getByTestId("questions-open")).toHaveAttribute("data-count", "1");

    // Two answers: replies to the question.
    for (const answer of ["Use flexbox.", "Use grid with place-items: center."]) {
      await hostQuestion.hover();
      await hostQuestion.getByTestId("reply-message").click();
      await sendMessage(host, answer);
      await expect(messageWith(asker, answer)).toBeVisible();
    }

    // The asker accepts the second one.
    const second = messageWith(asker, "Use grid with place-items: center.");
    await second.hover();
    await second.getByTestId("accept-answer").click();
    await expect(second.getByTestId("accepted-answer-badge")).toHaveText("Accepted answer");
    await expect(messageWith(asker, "How do I centre a div?").getByTestId("question-answered-badge")).toBeVisible();
    // Live for the host.
    await expect(
      messageWith(host, "Use grid with place-items: center.").getByTestId("accepted-answer-badge"),
    ).toBeVisible();
    await expect(hostQuestion.getByTestId("question-answered-badge")).toHaveText("Answered");
    await expect(messageWith(host, "Use flexbox.").getByTestId("accepted-answer-badge")).toHaveCount(0);

    // The panel lists it under Answered, with its page.
    await host.getByTestId("questions-open").click();
    const panel = host.getByTestId("questions-panel");
    await expect(panel.getByTestId("questions-empty")).toBeVisible();
    await panel.getByTestId("questions-tab-answered").click();
    const entry = panel.getByTestId("question-entry");
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("How do I centre a div?");
    const href = await entry.getByTestId("question-page-link").getAttribute("href");
    expect(href).toMatch(new RegExp(`^/rooms/${pair.room.slug}/questions/\\d+$`));

    // A signed-out visitor opens the public page: the accepted answer first, marked, then the other.
    const page = await visitor.newPage();
    await page.goto(href ?? "");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How do I centre a div?");
    await expect(page.getByTestId("question-status")).toHaveText("Answered");
    const answers = page.getByTestId("question-answer");
    await expect(answers).toHaveCount(2);
    await expect(answers.nth(0)).toContainText("Use grid with place-items: center.");
    await expect(answers.nth(0).getByTestId("accepted-answer-badge")).toBeVisible();
    await expect(answers.nth(1)).toContainText("Use flexbox.");
    await expect(page).toHaveTitle(/How do I centre a div\?/);

    // An unknown question is a 404.
    const missing = await page.goto(`/rooms/${pair.room.slug}/questions/2147483647`);
    expect(missing?.status()).toBe(404);

    // After a reload the room still shows the badges (they come from the server, not only from events).
    await openRoom(asker, pair.room);
    await expect(
      messageWith(asker, "Use grid with place-items: center.").getByTestId("accepted-answer-badge"),
    ).toBeVisible();
  } finally {
    await visitor.close();
    await pair.close();
  }
});
