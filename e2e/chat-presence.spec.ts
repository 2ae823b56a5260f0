// The room's people panel with real browsers and the run's soketi: who is online now (live, one
// entry per person however many tabs), the other participants, the host, leaving by navigating
// away or closing the tab, visitors, and the panel on phones (in the room page's drawer).
import { randomBytes } from "node:crypto";
import { expect, test } from "./support/test";
import { createMember, createRoom } from "./support/members";
import {
  addCrowd,
  addParticipantRow,
  expectOnline,
  onlineMembers,
  openRoomAs,
  presenceConnections,
} from "./support/presence";

// Scenarios with several browsers, each step waiting on soketi; the 2-core machine is shared.
test.describe.configure({ timeout: 90_000 });

test("members see each other come and go; several tabs count once", async ({ browser, baseURL }) => {
  // Names are "Test PA …", "Test PB …": Alice sorts before Bob.
  const [alice, bob, carol] = [
    await createMember({ prefix: "pa" }),
    await createMember({ prefix: "pb" }),
    await createMember({ prefix: "pc" }),
  ];
  const room = await createRoom({ hostId: alice.id, name: "Presence one" });
  await addParticipantRow(room, carol, 60);

  const b = await openRoomAs(browser, baseURL!, bob, room);
  const panel = b.page.getByTestId("people-panel");
  await expectOnline(b.page, [bob.username]);
  await expect(onlineMembers(b.page).first()).toContainText(bob.name);
  await expect(onlineMembers(b.page).first()).toContainText("(you)");
  await expect(panel.getByRole("heading", { name: "Online now — 1" })).toBeVisible();
  await expect(panel.getByText("Nobody else is here right now")).toBeVisible();
  // The other participants, the most recent first; the host is marked.
  const participants = panel.getByTestId("participant");
  await expect(participants).toHaveCount(2);
  await expect(participants.nth(0)).toHaveAttribute("data-username", alice.username);
  await expect(participants.nth(0)).toContainText("Host");
  await expect(participants.nth(1)).toHaveAttribute("data-username", carol.username);
  await expect(participants.nth(0).getByRole("link")).toHaveAttribute("href", `/u/${alice.username}`);

  // Alice arrives: Bob sees her at once, sorted by name, out of the offline list.
  const a = await openRoomAs(browser, baseURL!, alice, room);
  await expectOnline(b.page, [alice.username, bob.username]);
  await expect(panel.getByRole("heading", { name: "Online now — 2" })).toBeVisible();
  await expect(onlineMembers(b.page).nth(0)).toContainText("Host");
  await expect(onlineMembers(b.page).nth(0)).not.toContainText("(you)");
  await expect(panel.getByText("Nobody else is here right now")).toHaveCount(0);
  await expect(participants).toHaveCount(1);
  await expect(participants.nth(0)).toHaveAttribute("data-username", carol.username);
  await expectOnline(a.page, [alice.username, bob.username]);
  await expect(onlineMembers(a.page).nth(0)).toContainText("(you)");

  // A second tab of Alice's is the same person, and closing it does not make her leave.
  const secondTab = await a.context.newPage();
  await secondTab.goto(`/rooms/${room.slug}`);
  await expectOnline(secondTab, [alice.username, bob.username]);
  await expectOnline(b.page, [alice.username, bob.username]);
  await expect.poll(() => presenceConnections(room)).toBe(3);
  await secondTab.close();
  // Once soketi has let the tab go, a "left" for Alice would already be on its way to Bob.
  await expect.poll(() => presenceConnections(room)).toBe(2);
  await expectOnline(b.page, [alice.username, bob.username]);

  // Navigating away inside the app (the socket stays open, the room's channel is released).
  await a.page.getByRole("banner").getByRole("link", { name: "Roomful" }).click();
  await expect(a.page).toHaveURL(/\/$/);
  await expectOnline(b.page, [bob.username]);
  await expect(panel.getByText("Nobody else is here right now")).toBeVisible();
  await expect(participants.nth(0)).toHaveAttribute("data-username", alice.username);

  // Back, then closing the window.
  await a.page.goto(`/rooms/${room.slug}`);
  await expectOnline(b.page, [alice.username, bob.username]);
  await a.context.close();
  await expectOnline(b.page, [bob.username]);
  await b.context.close();
});

test("visitors see the participants, capped, and are asked to sign in to see who is here", async ({
  browser,
  baseURL,
}) => {
  const host = await createMember({ prefix: "pv" });
  const room = await createRoom({ hostId: host.id, name: "Presence visitors" });
  await addCrowd(room, 55, randomBytes(4).toString("hex"));

  // The host is online; a visitor reads live but is not in presence: the count, and no faces.
  const h = await openRoomAs(browser, baseURL!, host, room);
  await expectOnline(h.page, [host.username]);
  const v = await openRoomAs(browser, baseURL!, null, room);
  const panel = v.page.getByTestId("people-panel");
  await expect(panel.getByText(/Sign in\s+to see who is here now/)).toBeVisible();
  await expect(panel.getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    `/login?callbackUrl=${encodeURIComponent(`/rooms/${room.slug}`)}`,
  );
  await expect(onlineMembers(v.page)).toHaveCount(0);
  await expect(panel.getByTestId("visitor-online-count")).toHaveText("1 member online");
  // 56 participants: the newest (the host) first, 50 listed, the rest counted.
  const participants = panel.getByTestId("participant");
  await expect(participants).toHaveCount(50);
  await expect(participants.nth(0)).toHaveAttribute("data-username", host.username);
  await expect(participants.nth(0)).toContainText("Host");
  await expect(panel.getByText("and 6 more")).toBeVisible();

  // For the host the crowd is offline: 55 of them, 50 listed.
  await expect(h.page.getByTestId("people-panel").getByTestId("participant")).toHaveCount(50);
  await expect(h.page.getByTestId("people-panel").getByText("and 5 more")).toBeVisible();
  await v.context.close();
  await h.context.close();
});

test.describe("on a phone", () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

  test("the panel opens from the conversation's People button and stays live", async ({ browser, baseURL }) => {
    const [alice, bob] = [await createMember({ prefix: "ppa" }), await createMember({ prefix: "ppb" })];
    const room = await createRoom({ hostId: alice.id, name: "Presence phone" });
    const a = await openRoomAs(browser, baseURL!, alice, room);
    const b = await openRoomAs(browser, baseURL!, bob, room, phone);

    // Folded away on a phone, so the conversation keeps the screen.
    const panel = b.page.getByTestId("people-panel");
    await expect(panel).toBeHidden();
    await b.page.getByRole("button", { name: /^People(, \d+ online)?$/ }).tap();
    await expect(panel).toBeVisible();
    await expectOnline(b.page, [alice.username, bob.username]);
    await expect(onlineMembers(b.page).first()).toBeVisible();
    await expect(panel.getByRole("heading", { name: "Online now — 2" })).toBeVisible();
    // Still live while open.
    await a.context.close();
    await expectOnline(b.page, [bob.username]);
    await expect(panel.getByText("Nobody else is here right now")).toBeVisible();
    // Nothing runs off the side of a phone.
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await b.context.close();
  });
});
