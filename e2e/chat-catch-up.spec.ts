// Loss-free catch-up: with the realtime server down, A's messages are still stored and confirmed;
// when it is back, B's client (which missed the events) fetches everything after the last id it
// holds: all of them, once each, in order; and the edits and deletions it missed, however far up
// the messages it holds they are. The run's soketi is shared by specs running in
// parallel, so the outage is kept to a few seconds.
import { randomBytes } from "node:crypto";
import { expect, test } from "./support/test";
import {
  chatPair,
  connectionBadge,
  insertMessages,
  messages,
  messageWith,
  openRoom,
  pendingMessages,
  sendMessage,
  storedBodies,
} from "./support/chat";
import { startSoketi, stopSoketi } from "./support/chat-control";
import { sql } from "./support/services";

test.describe.configure({ mode: "serial" });

test("after soketi comes back, B catches up on what A sent meanwhile: no gaps, no duplicates, in order", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { a, b, room, close } = await chatPair(
    browser,
    baseURL ?? "http://127.0.0.1:3100",
    `Catch up ${randomBytes(3).toString("hex")}`,
  );
  let stopped = false;
  try {
    await sendMessage(a.page, "Before the outage");
    await expect(messageWith(b.page, "Before the outage")).toHaveCount(1);

    const outageStarted = Date.now();
    await stopSoketi();
    stopped = true;
    await expect(connectionBadge(b.page)).not.toHaveAttribute("data-status", "connected");
    await expect(connectionBadge(a.page)).not.toHaveAttribute("data-status", "connected");

    // A keeps writing: each message is stored and confirmed even though nobody can be told.
    const during = ["During one", "During two", "During three"];
    for (const text of during) await sendMessage(a.page, text);
    for (const text of during) await expect(messageWith(a.page, text)).toHaveCount(1);
    await expect(pendingMessages(a.page)).toHaveCount(0);
    expect(await storedBodies(room.id)).toEqual(["Before the outage", ...during]);
    // B may already have some of them by polling (the fallback while the channel is out of reach);
    // either way, once live again each shows once, in order.

    await startSoketi();
    stopped = false;
    const restarted = Date.now();
    await expect(connectionBadge(b.page)).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
    test.info().annotations.push({
      type: "timing",
      description: `soketi back after ${restarted - outageStarted} ms; B reconnected ${Date.now() - restarted} ms later`,
    });
    await expect(messages(b.page).getByTestId("message-body")).toHaveText(["Before the outage", ...during], {
      timeout: 15_000,
    });

    // Live again, and still no duplicates on either side.
    await sendMessage(b.page, "After the outage");
    await expect(messageWith(a.page, "After the outage")).toHaveCount(1, { timeout: 15_000 });
    const all = ["Before the outage", ...during, "After the outage"];
    await expect(messages(a.page).getByTestId("message-body")).toHaveText(all);
    await expect(messages(b.page).getByTestId("message-body")).toHaveText(all);
    expect(await storedBodies(room.id)).toEqual(all);
  } finally {
    if (stopped) await startSoketi();
    await close();
  }
});

test("edits and deletions made while B was offline show once B is back, even far above the latest page", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { a, b, room, close } = await chatPair(
    browser,
    baseURL ?? "http://127.0.0.1:3100",
    `Changes ${randomBytes(3).toString("hex")}`,
    { open: false },
  );
  let stopped = false;
  try {
    // 60 lines: the page opens on the latest 50, and B scrolls up to the first ones.
    await insertMessages(room.id, a.member.id, 60, "Old line");
    await openRoom(b.page, room);
    const scroller = b.page.getByTestId("message-scroller");
    await scroller.evaluate((el) => el.scrollTo({ top: -el.scrollHeight }));
    await expect(messages(b.page)).toHaveCount(60);
    await expect(messageWith(b.page, "Old line 1")).toHaveCount(1);

    await stopSoketi();
    stopped = true;
    await expect(connectionBadge(b.page)).not.toHaveAttribute("data-status", "connected");

    // A edits the first line and deletes the second through the API; nobody can be told.
    const idOf = async (body: string) =>
      (await sql<{ id: number }>(`SELECT id FROM "Message" WHERE "roomId" = $1 AND body = $2`, [room.id, body]))[0]?.id;
    const api = a.page.context().request;
    expect(
      (
        await api.patch(`/api/rooms/${room.slug}/messages/${await idOf("Old line 1")}`, {
          data: { body: "Old line 1, edited offline" },
        })
      ).status(),
    ).toBe(200);
    expect((await api.delete(`/api/rooms/${room.slug}/messages/${await idOf("Old line 2")}`)).status()).toBe(200);

    await startSoketi();
    stopped = false;
    await expect(connectionBadge(b.page)).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
    // Ten lines above the latest page: re-reading that page would not have found these.
    await expect(messageWith(b.page, "Old line 1, edited offline")).toHaveCount(1, { timeout: 15_000 });
    await expect(messageWith(b.page, "Old line 1, edited offline")).toContainText("edited");
    await expect(messageWith(b.page, "Old line 2")).toHaveCount(0);
    await expect(messages(b.page)).toHaveCount(59);
  } finally {
    if (stopped) await startSoketi();
    await close();
  }
});
