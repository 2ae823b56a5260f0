// Typing indicators with real browsers and the run's soketi: B sees "A is typing…" while A types
// in the composer, steadily while A keeps typing, and no longer ~3 s after A stops or at once
// when A sends; two typers; client events from a member claiming to be someone else are ignored.
import { expect, test, type Page } from "./support/test";
import { createMember, createRoom } from "./support/members";
import { expectOnline, joinPresenceFromNode, openRoomAs } from "./support/presence";

// Scenarios with several browsers and waits measured in seconds; the 2-core machine is shared.
test.describe.configure({ timeout: 90_000 });

const composerOf = (page: Page) => page.getByRole("combobox", { name: /message/i });

test("B sees A typing while A types, and not ~3 s after A stops; A never sees themselves", async ({
  browser,
  baseURL,
}) => {
  const [alice, bob] = [await createMember({ prefix: "ta" }), await createMember({ prefix: "tb" })];
  const room = await createRoom({ hostId: alice.id, name: "Typing one" });
  const a = await openRoomAs(browser, baseURL!, alice, room);
  const b = await openRoomAs(browser, baseURL!, bob, room);
  // Both subscribed: each sees the other.
  await expectOnline(a.page, [alice.username, bob.username]);
  await expectOnline(b.page, [alice.username, bob.username]);

  const indicator = b.page.getByTestId("typing-indicator");
  await expect(indicator).toHaveAttribute("aria-live", "polite");
  await expect(indicator).toHaveText("");
  const heightBefore = (await indicator.boundingBox())?.height;

  await composerOf(a.page).pressSequentially("Hello th", { delay: 40 });
  await expect(indicator).toHaveText(`${alice.name} is typing…`);
  // The line keeps its height: the conversation does not jump.
  expect((await indicator.boundingBox())?.height).toBe(heightBefore);
  await expect(a.page.getByTestId("typing-indicator")).toHaveText("");

  // Typing on for longer than the expiry keeps it up (the sender repeats, throttled).
  // (A repeat comes every second against a 3 s expiry; the check still allows a brief gap, and
  // 9 rounds cover two expiries.)
  for (let i = 0; i < 9; i++) {
    await composerOf(a.page).pressSequentially("er", { delay: 250 });
    await expect(indicator).toHaveText(`${alice.name} is typing…`, { timeout: 1_500 });
  }

  // A stops: gone within the expiry (3 s after A's last event, sent at most 1 s before A stopped).
  const stoppedAt = Date.now();
  await expect(indicator).toHaveText(`${alice.name} is typing…`);
  await expect(indicator).toHaveText("", { timeout: 6_000 });
  const goneAfter = Date.now() - stoppedAt;
  expect(goneAfter).toBeGreaterThan(500);
  expect(goneAfter).toBeLessThan(4_500);

  // Typing again after a pause shows it again at once.
  await composerOf(a.page).pressSequentially("!", { delay: 40 });
  await expect(indicator).toHaveText(`${alice.name} is typing…`);

  // A leaves: gone at once, not 3 s later.
  const leftAt = Date.now();
  await a.context.close();
  await expect(indicator).toHaveText("", { timeout: 2_500 });
  expect(Date.now() - leftAt).toBeLessThan(2_500);
  await b.context.close();
});

test("two typers are named together; sending a message clears its author at once", async ({ browser, baseURL }) => {
  const [alice, bob, carol] = [
    await createMember({ prefix: "tc" }),
    await createMember({ prefix: "td" }),
    await createMember({ prefix: "te" }),
  ];
  const room = await createRoom({ hostId: alice.id, name: "Typing two" });
  const a = await openRoomAs(browser, baseURL!, alice, room);
  const b = await openRoomAs(browser, baseURL!, bob, room);
  const c = await openRoomAs(browser, baseURL!, carol, room);
  for (const tab of [a, b, c]) await expectOnline(tab.page, [alice.username, bob.username, carol.username]);
  const indicator = b.page.getByTestId("typing-indicator");

  // Carol types steadily for a while, in the background.
  const carolTyping = composerOf(c.page).pressSequentially("a steady stream of words, and more words", { delay: 200 });
  await expect(indicator).toHaveText(`${carol.name} is typing…`);
  await composerOf(a.page).pressSequentially("Hi all", { delay: 40 });
  // In the order they started.
  await expect(indicator).toHaveText(`${carol.name} and ${alice.name} are typing…`);
  await expect(c.page.getByTestId("typing-indicator")).toHaveText(`${alice.name} is typing…`);

  // Alice sends: the event that brings her message to Bob takes her off the line at once (not
  // her 3 s running out), while Carol, still typing, stays.
  await composerOf(a.page).press("Enter");
  await expect(b.page.getByText("Hi all", { exact: true })).toBeVisible();
  await expect(indicator).toHaveText(`${carol.name} is typing…`, { timeout: 500 });
  await carolTyping;
  for (const tab of [a, b, c]) await tab.context.close();
});

test("client events that claim to come from someone else, or are malformed, are ignored", async ({
  browser,
  baseURL,
}) => {
  const [alice, bob, mallory] = [
    await createMember({ prefix: "tf" }),
    await createMember({ prefix: "tg" }),
    await createMember({ prefix: "th" }),
  ];
  const room = await createRoom({ hostId: alice.id, name: "Typing forged" });
  const a = await openRoomAs(browser, baseURL!, alice, room);
  const b = await openRoomAs(browser, baseURL!, bob, room);
  // Mallory is a real member of the channel, with a pusher-js client of her own (her page closed
  // first: the test stack's presence channel holds three).
  const m = await openRoomAs(browser, baseURL!, mallory, room);
  await m.page.close();
  await expectOnline(b.page, [alice.username, bob.username]);
  const forger = await joinPresenceFromNode(m.context, room);
  try {
    // "Test TF …", "Test TG …", "Test TH …": sorted as created.
    await expectOnline(b.page, [alice.username, bob.username, mallory.username]);
    const indicator = b.page.getByTestId("typing-indicator");

    // Claiming to be Alice, or nobody, or sending junk: ignored.
    expect(forger.channel.trigger("client-typing", { userId: alice.id, name: alice.name })).toBe(true);
    expect(forger.channel.trigger("client-typing", { userId: "nosuchmember000000000", name: "Ghost" })).toBe(true);
    expect(forger.channel.trigger("client-typing", { userId: 42, name: ["x"] })).toBe(true);
    expect(forger.channel.trigger("client-typing", "typing")).toBe(true);
    // As herself, under a made-up name: shown, with the name presence knows.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(forger.channel.trigger("client-typing", { userId: mallory.id, name: "The Admin" })).toBe(true);
    await expect(indicator).toHaveText(`${mallory.name} is typing…`);
    await expect(indicator).not.toContainText(alice.name);
    await expect(indicator).not.toContainText("Admin");
  } finally {
    forger.client.disconnect();
    for (const tab of [a, b, m]) await tab.context.close();
  }
});
