// Slow mode (issue 16): the host sets one message per 5 s; a member's fast second message is refused in the composer
// with a countdown, which lifts after; the host is exempt; turning it off lifts it for everyone, live.
import { expect, test } from "./support/test";
import { chatPair, composerInput, messageWith, openRoom, sendButton, sendMessage } from "./support/chat";

test("slow mode refuses a fast second message with a countdown, and lifts after", async ({ browser, baseURL }) => {
  const pair = await chatPair(browser, baseURL ?? "", "Slowly");
  try {
    const host = pair.a.page;
    const member = pair.b.page;

    await host.getByTestId("slow-mode-button").click();
    const dialog = host.getByTestId("slow-mode-dialog");
    await dialog.getByLabel("5 s").check();
    await dialog.getByTestId("slow-mode-save").click();
    await expect(host.getByText("Slow mode is on: one message every 5 s.")).toBeVisible();

    // The member's page learns it live.
    await expect(member.getByTestId("slow-mode-status")).toHaveText("Slow mode is on: one message every 5 s.");
    await expect(member.getByTestId("room-slow-mode-chip")).toContainText("5 s");

    await sendMessage(member, "First, in time");
    await expect(messageWith(host, "First, in time")).toBeVisible();
    await expect(member.getByTestId("slow-mode-countdown")).toContainText(/Wait \d s/);
    await expect(sendButton(member)).toBeDisabled();
    await composerInput(member).fill("Too soon");
    await composerInput(member).press("Enter");
    await expect(messageWith(host, "Too soon")).toHaveCount(0);

    // The wait ends by itself; then the message goes.
    await expect(member.getByTestId("slow-mode-countdown")).toHaveCount(0, { timeout: 10_000 });
    await expect(sendButton(member)).toBeEnabled();
    await composerInput(member).press("Enter");
    await expect(messageWith(host, "Too soon")).toBeVisible();

    // The host is exempt: two in a row.
    await expect(host.getByTestId("slow-mode-status")).toHaveAttribute("data-exempt", /.*/);
    await sendMessage(host, "Host one");
    await sendMessage(host, "Host two");
    await expect(messageWith(member, "Host two")).toBeVisible();

    // A reload keeps the member's wait; turning slow mode off lifts it at once.
    await sendMessage(member, "Third");
    await openRoom(member, pair.room);
    await expect(member.getByTestId("slow-mode-countdown")).toBeVisible();
    await host.getByTestId("slow-mode-button").click();
    await dialog.getByLabel("Off").check();
    await dialog.getByTestId("slow-mode-save").click();
    await expect(member.getByTestId("slow-mode-status")).toHaveCount(0);
    await sendMessage(member, "Free again");
    await expect(messageWith(host, "Free again")).toBeVisible();
  } finally {
    await pair.close();
  }
});
