// Sessions per device, through the real app: each browser that signs in is its own session, Settings lists them
// with the device each runs on, and a member signs one out from another; signing out ends only this one.
import { devices } from "@playwright/test";
import { expect, test } from "./support/test";
import { signInViaApi } from "./support/accounts";
import { createMember } from "./support/members";

test("Settings lists each signed-in device and signs one out from another", async ({ page, browser, baseURL }) => {
  const member = await createMember({ prefix: "dev" });
  const phone = await browser.newContext({ ...devices["iPhone 13"], baseURL });
  try {
    const phonePage = await phone.newPage();
    await signInViaApi(phonePage, member.username, member.password ?? "");
    await signInViaApi(page, member.username, member.password ?? "");

    await page.goto("/settings#sessions");
    const sessions = page.getByTestId("device-sessions");
    const rows = sessions.getByTestId("device-session");
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute("data-current", "true");
    await expect(rows.first()).toContainText("This device");
    await expect(rows.nth(1)).toContainText("Safari on iOS");
    await expect(rows.nth(1)).toContainText("signed in with password");

    await rows.nth(1).getByRole("button", { name: "Sign out on Safari on iOS" }).click();
    await expect(page.getByText("Signed out on that device.")).toBeVisible();
    await expect(rows).toHaveCount(1);

    // The phone is signed out; this browser is not.
    await phonePage.goto("/settings");
    await expect(phonePage).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  } finally {
    await phone.close();
  }
});

test("'sign out everywhere' ends every device's session, this one too", async ({ page, browser, baseURL }) => {
  const member = await createMember({ prefix: "devall" });
  const other = await browser.newContext({ baseURL });
  try {
    const otherPage = await other.newPage();
    await signInViaApi(otherPage, member.username, member.password ?? "");
    await signInViaApi(page, member.username, member.password ?? "");

    await page.goto("/settings#sessions");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByRole("status").filter({ hasText: "Signed out on every device" })).toBeVisible();
    for (const browserPage of [page, otherPage]) {
      await browserPage.goto("/settings");
      await expect(browserPage).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
    }
  } finally {
    await other.close();
  }
});
