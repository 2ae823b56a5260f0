// A room past its presence channel's limit, and visitors reading live. The browser tests' stack
// lowers the presence limit to E2E_PRESENCE_LIMIT (3), so "over capacity" takes five members,
// not a hundred and one: the 4th and 5th get live messages and the true count, and nobody is
// shown an error. A signed-out visitor gets new messages, edits and deletions live, with no
// polling request while connected.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Request } from "./support/test";
import { POLL_INTERVAL_MS } from "../components/chat/use-polling";
import { connectionBadge, messageWith, openRoom, sendMessage, signedInSide, type ChatSide } from "./support/chat";
import { E2E_PRESENCE_LIMIT } from "./support/e2e-config";
import { createRoom } from "./support/members";
import { onlineMembers } from "./support/presence";

// Six browsers on a 2-core machine, each step waiting on soketi and its webhooks.
test.describe.configure({ timeout: 120_000 });

const LIVE = { timeout: 10_000 };
const token = () => randomUUID().slice(0, 8);

test("past the presence limit, members still read live and everyone sees the true count", async ({
  browser,
  baseURL,
}) => {
  const crowd = E2E_PRESENCE_LIMIT + 2;
  const sides: ChatSide[] = [];
  for (let i = 0; i < crowd; i++) sides.push(await signedInSide(browser, baseURL!, `cr${i}`));
  const room = await createRoom({ hostId: sides[0]!.member.id, name: `Crowd ${token()}` });
  try {
    // One at a time, so the first E2E_PRESENCE_LIMIT are the ones in presence.
    for (const side of sides) await openRoom(side.page, room);

    for (const [i, side] of sides.entries()) {
      const panel = side.page.getByTestId("people-panel");
      await expect(panel.getByRole("heading", { name: `Online now — ${crowd}` }), `member ${i + 1}`).toBeVisible(LIVE);
      // Faces: presence's for those inside it, the server's list for those past it; never an error.
      await expect(onlineMembers(side.page).first()).toBeVisible();
      await expect(panel.getByText(/Reload the page/)).toHaveCount(0);
      await expect(connectionBadge(side.page)).toHaveAttribute("data-status", "connected");
    }
    // Those inside presence see its faces and how many more there are.
    await expect(onlineMembers(sides[0]!.page)).toHaveCount(E2E_PRESENCE_LIMIT);
    await expect(sides[0]!.page.getByTestId("online-more")).toHaveText(`and ${crowd - E2E_PRESENCE_LIMIT} more`);
    // The 5th sees faces from the server's list, which the presence limit does not cap.
    await expect.poll(() => onlineMembers(sides[crowd - 1]!.page).count(), LIVE).toBeGreaterThan(E2E_PRESENCE_LIMIT);

    // A message from inside presence reaches those past it, and the other way round.
    const fromHost = `From the host ${token()}`;
    await sendMessage(sides[0]!.page, fromHost);
    for (const side of sides.slice(E2E_PRESENCE_LIMIT))
      await expect(messageWith(side.page, fromHost)).toHaveCount(1, LIVE);
    const fromFifth = `From the fifth ${token()}`;
    await sendMessage(sides[crowd - 1]!.page, fromFifth);
    for (const side of sides.slice(0, crowd - 1)) await expect(messageWith(side.page, fromFifth)).toHaveCount(1, LIVE);

    // One leaves: the count follows for everyone, inside presence or not.
    await sides[1]!.context.close();
    for (const side of [sides[0]!, sides[crowd - 1]!]) {
      await expect(
        side.page.getByTestId("people-panel").getByRole("heading", { name: `Online now — ${crowd - 1}` }),
      ).toBeVisible(LIVE);
    }
  } finally {
    for (const side of sides) await side.context.close();
  }
});

const historyRequest = (request: Request) => /\/api\/rooms\/[^/]+\/messages\?/.test(request.url());

async function postAs(request: APIRequestContext, slug: string, body: string): Promise<number> {
  const response = await request.post(`/api/rooms/${slug}/messages`, { data: { body, clientKey: randomUUID() } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

test("a visitor sees new messages, edits and deletions live, with no polling while connected", async ({
  browser,
  baseURL,
}) => {
  const host = await signedInSide(browser, baseURL!, "cv");
  const room = await createRoom({ hostId: host.member.id, name: `Live visitors ${token()}` });
  const visitor = await browser.newContext({ baseURL });
  try {
    await postAs(host.context.request, room.slug, `Already here ${token()}`);
    await openRoom(host.page, room);
    const page = await visitor.newPage();
    const history: { url: string; done: boolean }[] = [];
    page.on("request", (request) => {
      if (historyRequest(request)) history.push({ url: request.url(), done: false });
    });
    const finished = (request: Request) => {
      const entry = history.find((h) => h.url === request.url() && !h.done);
      if (entry) entry.done = true;
    };
    page.on("requestfinished", finished);
    page.on("requestfailed", finished);

    await openRoom(page, room);
    await expect(page.getByTestId("composer-signed-out")).toBeVisible();
    // Subscribing catches up once (new messages, then changes); after that, nothing is asked for.
    await expect.poll(() => history.some((h) => h.url.includes("changedSince=") && h.done)).toBe(true);
    await expect.poll(() => history.every((h) => h.done)).toBe(true);
    const before = history.length;
    const quietSince = Date.now();

    const text = `Live for visitors ${token()}`;
    const id = await postAs(host.context.request, room.slug, text);
    await expect(messageWith(page, text)).toHaveCount(1, LIVE);

    const edited = `${text} (edited)`;
    expect(
      (await host.context.request.patch(`/api/rooms/${room.slug}/messages/${id}`, { data: { body: edited } })).status(),
    ).toBe(200);
    await expect(messageWith(page, edited)).toHaveCount(1, LIVE);

    expect((await host.context.request.delete(`/api/rooms/${room.slug}/messages/${id}`)).status()).toBe(200);
    await expect(messageWith(page, edited)).toHaveCount(0, LIVE);

    // Watch a whole polling interval go by: a visitor without the live channel would have asked by now.
    await expect
      .poll(() => Date.now() - quietSince, { timeout: POLL_INTERVAL_MS * 3 })
      .toBeGreaterThan(POLL_INTERVAL_MS + 1_000);
    expect(history.slice(before).map((h) => h.url)).toEqual([]);
    await expect(connectionBadge(page)).toHaveAttribute("data-status", "connected");
    // The visitor sees the count too, without the faces.
    await expect(page.getByTestId("visitor-online-count")).toHaveText("1 member online", LIVE);
  } finally {
    await visitor.close();
    await host.context.close();
  }
});

test("a visitor whose live channel is refused falls back to polling and says it is not live", async ({
  browser,
  baseURL,
}) => {
  const host = await signedInSide(browser, baseURL!, "cf");
  const room = await createRoom({ hostId: host.member.id, name: `Refused ${token()}` });
  const visitor = await browser.newContext({ baseURL });
  try {
    const page = await visitor.newPage();
    // What soketi says when it turns a subscription away, delivered on the visitor's own socket.
    await page.routeWebSocket(/\/app\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as { event?: string; data?: { channel?: string } };
        if (parsed.event === "pusher:subscribe" && parsed.data?.channel === `room-${room.id}`) {
          ws.send(
            JSON.stringify({
              event: "pusher:subscription_error",
              channel: parsed.data.channel,
              data: { type: "LimitReached", error: "refused for this test", status: 4004 },
            }),
          );
          return;
        }
        server.send(message);
      });
    });
    await openRoom(page, room, { live: false });
    await expect(connectionBadge(page)).toHaveAttribute("data-status", "disabled", LIVE);
    await expect(connectionBadge(page)).toHaveText("Not live · updates every few seconds");

    const text = `Caught by polling ${token()}`;
    const polled = page.waitForRequest(historyRequest, { timeout: POLL_INTERVAL_MS * 3 });
    await postAs(host.context.request, room.slug, text);
    await polled;
    await expect(messageWith(page, text)).toHaveCount(1, { timeout: POLL_INTERVAL_MS * 3 });
  } finally {
    await visitor.close();
    await host.context.close();
  }
});
