// Driving the account forms the way a person does, for specs about those flows.
import { expect, type Page } from "@playwright/test";
import type { uniqueMember } from "./accounts";
import { waitForMail } from "./services";

export type Member = ReturnType<typeof uniqueMember>;

export async function fillSignUp(page: Page, member: Member, overrides: Partial<Member & { confirm: string }> = {}) {
  const m = { ...member, confirm: member.password, ...overrides };
  await page.getByLabel("Email", { exact: true }).fill(m.email);
  await page.getByLabel("Username", { exact: true }).fill(m.username);
  await page.getByLabel("Display name", { exact: true }).fill(m.name);
  await page.getByLabel("Password", { exact: true }).fill(m.password);
  await page.getByLabel("Confirm password", { exact: true }).fill(m.confirm);
}

/** The toast every sign-up gets, new address or taken (sign-up signs nobody in). */
export const checkInbox = (page: Page, email: string) =>
  page.getByRole("status").filter({ hasText: `We sent a mail to ${email}. Open it to confirm your address` });

/**
 * Signs up through /register, lands on the sign-in page with "check your inbox", waits for the confirmation mail,
 * signs in there with the new password and waits until the header shows the new member signed in.
 */
export async function signUp(page: Page, member: Member) {
  await page.goto("/register");
  await fillSignUp(page, member);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(checkInbox(page, member.email)).toBeVisible();
  // The account is created after the answer (so that a taken address answers as fast): its mail says it exists.
  await waitForMail(member.email, "Confirm your email for Roomful");
  await page.getByLabel("Email or username", { exact: true }).fill(member.username);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();
}

export async function signOut(page: Page, member: Member) {
  await page.getByRole("button", { name: `Account menu for ${member.name}` }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}
