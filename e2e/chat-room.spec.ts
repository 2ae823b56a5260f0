// The room page's live conversation with two signed-in members in two browser contexts: live
// delivery (once), pending → confirmed, edit and delete seen live, history paging, the rate
// limit, the XSS corpus, the composer's refusals, visitors and unconfirmed members, and the
// room's own live events. Every test uses fresh members and a fresh room.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import {
  chatPair,
  composerInput,
  insertMessages,
  messages,
  messageWith,
  openRoom,
  pendingMessages,
  sendButton,
  sendMessage,
  signedInSide,
  storedBodies,
} from "./support/chat";
import { createMember, createRoom, signInByCookie } from "./support/members";
import { sql } from "./support/services";

// Two browser contexts per test on a shared 2-core machine: give each test room to breathe.
test.describe.configure({ timeout: 60_000 });

/** Live delivery to another context: generous, as another spec may be restarting soketi meanwhile. */
const LIVE = { timeout: 20_000 };
const token = () => randomBytes(3).toString("hex");
const base = (baseURL: string | undefined) => baseURL ?? "http://127.0.0.1:3100";

/** Every POST of a message, to prove the UI sent nothing (or how much it sent). */
function countPosts(page: Page): { count: () => number } {
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/api\/rooms\/[^/]+\/messages$/.test(request.url())) posts++;
  });
  return { count: () => posts };
}

test("a message from A appears for B live, once, and A sees it pending, then confirmed", async ({
  browser,
  baseURL,
}) => {
  const { a, b, room, close } = await chatPair(browser, base(baseURL), `Live one ${token()}`);
  try {
    // Hold A's send until the pending state has been seen.
    let releaseSend: () => void = () => {};
    const sendHeld = new Promise<void>((resolve) => (releaseSend = resolve));
    await a.page.route(`**/api/rooms/${room.slug}/messages`, async (route) => {
      if (route.request().method() === "POST") await sendHeld;
      await route.continue();
    });
    // The header's unread badge listens for this event.
    await b.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { unreadTotals: number[] }).unreadTotals = seen;
      window.addEventListener("roomful:unread-total", (event) =>
        seen.push((event as CustomEvent<{ total: number }>).detail.total),
      );
    });

    const text = `Hello from A ${token()}`;
    await sendMessage(a.page, text);
    await expect(composerInput(a.page)).toHaveValue("");
    const pending = pendingMessages(a.page).filter({ hasText: text });
    await expect(pending).toHaveAttribute("data-status", "sending");
    await expect(pending).toContainText("Sending…");
    releaseSend();

    await expect(messageWith(a.page, text)).toHaveCount(1);
    await expect(pendingMessages(a.page)).toHaveCount(0);
    await expect(messageWith(b.page, text)).toHaveCount(1, LIVE);
    // B marks it read (the tab is visible and at the bottom), and tells the header the new total.
    const [stored] = await sql<{ id: number }>(`SELECT id FROM "Message" WHERE "roomId" = $1`, [room.id]);
    await expect
      .poll(
        async () =>
          (
            await sql<{ id: number | null }>(
              `SELECT "lastReadMessageId" AS id FROM "Participant" WHERE "roomId" = $1 AND "userId" = $2`,
              [room.id, b.member.id],
            )
          )[0]?.id,
      )
      .toBe(stored?.id);
    await expect
      .poll(() => b.page.evaluate(() => (window as unknown as { unreadTotals: number[] }).unreadTotals))
      .toContain(0);

    // B answers; A gets it live too, and nothing doubles on either side.
    const reply = `Hi A, B here ${token()}`;
    await sendMessage(b.page, reply);
    await expect(messageWith(a.page, reply)).toHaveCount(1, LIVE);
    await expect(messages(a.page)).toHaveCount(2);
    await expect(messages(b.page)).toHaveCount(2);
    await expect(messages(b.page).getByTestId("message-body")).toHaveText([text, reply]);
    expect(await storedBodies(room.id)).toEqual([text, reply]);

    // Shift+Enter makes a new line; Enter sends.
    await composerInput(a.page).fill("line one");
    await composerInput(a.page).press("Shift+Enter");
    await composerInput(a.page).pressSequentially("line two");
    await expect(composerInput(a.page)).toHaveValue("line one\nline two");
    await composerInput(a.page).press("Enter");
    await expect(messages(b.page).last().getByTestId("message-body").locator("br")).toHaveCount(1, LIVE);
    await expect(messages(b.page).last().getByTestId("message-body")).toHaveText("line one\nline two");
    // A late duplicate of the first two would have come before this third one on the same channel.
    await expect(messages(a.page)).toHaveCount(3);
    await expect(messages(b.page)).toHaveCount(3);
  } finally {
    await close();
  }
});

test("edits and deletes reach the other member live; only the author edits, the host may delete", async ({
  browser,
  baseURL,
}) => {
  const { a, b, room, close } = await chatPair(browser, base(baseURL), `Edits ${token()}`);
  try {
    const original = `Original words ${token()}`;
    await sendMessage(a.page, original);
    await expect(messageWith(b.page, original)).toHaveCount(1, LIVE);

    // A edits: hover shows the tools; Enter saves.
    const mine = messageWith(a.page, original);
    await mine.hover();
    await mine.getByRole("button", { name: "Edit message" }).click();
    const editor = a.page.getByRole("combobox", { name: "Edit message" });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue(original);
    // Escape cancels without saving.
    await editor.fill("never saved");
    await editor.press("Escape");
    await expect(editor).toHaveCount(0);
    await expect(messageWith(a.page, original)).toHaveCount(1);

    await mine.hover();
    await mine.getByRole("button", { name: "Edit message" }).click();
    const edited = `Better words ${token()}`;
    await editor.fill(edited);
    await editor.press("Enter");
    await expect(messageWith(a.page, edited).getByTestId("message-edited")).toHaveText("(edited)");
    await expect(a.page.getByTestId("toast").filter({ hasText: "Message edited." })).toBeVisible();
    const seenByB = messageWith(b.page, edited);
    await expect(seenByB).toHaveCount(1, LIVE);
    await expect(seenByB.getByTestId("message-edited")).toHaveText("(edited)");
    await expect(messageWith(b.page, original)).toHaveCount(0);

    // B may neither edit nor delete A's message; A (the host) may delete B's but not edit it.
    await seenByB.hover();
    await expect(seenByB.getByRole("button", { name: "Edit message" })).toHaveCount(0);
    await expect(seenByB.getByRole("button", { name: "Delete message" })).toHaveCount(0);
    const theirs = `B's message ${token()}`;
    await sendMessage(b.page, theirs);
    const theirsForA = messageWith(a.page, theirs);
    await expect(theirsForA).toHaveCount(1, LIVE);
    await theirsForA.hover();
    await expect(theirsForA.getByRole("button", { name: "Edit message" })).toHaveCount(0);
    await expect(theirsForA.getByRole("button", { name: "Delete message" })).toBeVisible();

    // A deletes their own message, after confirming; keyboard reachable: focus shows the tools.
    const ownForA = messageWith(a.page, edited);
    // The host's tools run Reply, Edit, Pin, Mark as question, Delete: the destructive one last.
    await ownForA.getByRole("button", { name: "Edit message" }).focus();
    await a.page.keyboard.press("Tab");
    await expect(ownForA.getByRole("button", { name: "Pin message" })).toBeFocused();
    await a.page.keyboard.press("Tab");
    await expect(ownForA.getByRole("button", { name: "Mark as question" })).toBeFocused();
    await a.page.keyboard.press("Tab");
    await expect(ownForA.getByRole("button", { name: "Delete message" })).toBeFocused();
    await a.page.keyboard.press("Enter");
    const dialog = a.page.getByRole("alertdialog", { name: "Delete this message?" });
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Delete message" }).click();
    await expect(dialog).toBeHidden();
    await expect(a.page.getByTestId("toast").filter({ hasText: "Message deleted." })).toBeVisible();
    await expect(messageWith(a.page, edited)).toHaveCount(0);
    await expect(messageWith(b.page, edited)).toHaveCount(0, LIVE);
    await expect(messages(b.page)).toHaveCount(1);

    // The host deletes B's message; B sees it go.
    await theirsForA.hover();
    await theirsForA.getByRole("button", { name: "Delete message" }).click();
    await dialog.getByRole("button", { name: "Delete message" }).click();
    await expect(messageWith(b.page, theirs)).toHaveCount(0, LIVE);
    expect(await storedBodies(room.id)).toEqual([]);
  } finally {
    await close();
  }
});

test("scrolling up loads older history without moving what you read, down to the beginning", async ({
  browser,
  baseURL,
}) => {
  const reader = await signedInSide(browser, base(baseURL), "hr");
  const author = await createMember({ prefix: "ha" });
  const room = await createRoom({ hostId: author.id, name: `History ${token()}` });
  await insertMessages(room.id, author.id, 130, "History line");
  try {
    const page = reader.page;
    await openRoom(page, room);
    const list = messages(page);
    // The latest 50, starting at the bottom.
    await expect(list).toHaveCount(50);
    await expect(messageWith(page, "History line 130")).toBeInViewport();
    await expect(messageWith(page, "History line 81")).not.toBeInViewport();

    // The first older page is held until the test lets it go, so the loading state and the
    // position before it arrives can be seen however slow the machine is.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/rooms/${room.slug}/messages?*`, async (route) => {
      if (route.request().url().includes("before=")) await held;
      await route.continue();
    });
    const scroller = page.getByTestId("message-scroller");
    // Scroll to the top: the next 50 load above, and the message at the top stays where it was.
    const top = messageWith(page, "History line 81");
    await scroller.evaluate((el) => el.scrollTo({ top: -el.scrollHeight }));
    await expect(top).toBeInViewport();
    await expect(page.getByTestId("loading-older")).toHaveText("Loading earlier messages…");
    const before = await top.boundingBox();
    release();
    await expect(list).toHaveCount(100);
    await expect.poll(async () => Math.abs(((await top.boundingBox())?.y ?? 0) - (before?.y ?? 0))).toBeLessThan(2);
    await expect(top).toBeInViewport();

    // Again, to the very beginning.
    await scroller.evaluate((el) => el.scrollTo({ top: -el.scrollHeight }));
    await expect(list).toHaveCount(130);
    await scroller.evaluate((el) => el.scrollTo({ top: -el.scrollHeight }));
    await expect(page.getByTestId("conversation-start")).toHaveText("This is the beginning of the conversation.");
    await expect(list.first().getByTestId("message-body")).toHaveText("History line 1");
    await expect(list.last().getByTestId("message-body")).toHaveText("History line 130");
    // Day separators and grouping: 130 messages by one author 30 s apart form one group per day.
    await expect(page.getByTestId("day-separator").first()).toBeVisible();
    const groupStarts = page.locator("[data-testid=message][data-group-start]");
    await expect(groupStarts.first()).toBeVisible();
    expect(await groupStarts.count()).toBeLessThanOrEqual(2);

    // While scrolled up, a new message from someone else shows a pill instead of moving the view.
    await page.getByTestId("message-scroller").evaluate((el) => el.scrollTo({ top: -el.scrollHeight / 2 }));
    const live = await signedInSide(browser, base(baseURL), "hl");
    try {
      await openRoom(live.page, room);
      await sendMessage(live.page, "A fresh one while you scroll");
      const pill = page.getByTestId("new-messages-pill");
      await expect(pill).toHaveText("1 new message");
      await pill.click();
      await expect(messageWith(page, "A fresh one while you scroll")).toBeInViewport();
      await expect(pill).toBeHidden();
    } finally {
      await live.context.close();
    }
  } finally {
    await reader.context.close();
  }
});

test("sending too fast is refused with how long to wait, keeping the draft; Retry sends it once", async ({
  browser,
  baseURL,
}) => {
  const side = await signedInSide(browser, base(baseURL), "rl");
  const room = await createRoom({ hostId: side.member.id, name: `Rate limit ${token()}` });
  try {
    const page = side.page;
    await openRoom(page, room);
    for (let i = 1; i <= 11; i++) await sendMessage(page, `Quick ${i}`);
    const notice = page.getByTestId("rate-limit-notice");
    await expect(notice).toHaveText(/^You are sending messages too fast\. Try again in \d+ seconds?\.$/);
    const failed = pendingMessages(page).filter({ hasText: "Quick 11" });
    await expect(failed).toHaveAttribute("data-status", "failed");
    await expect(failed.getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(messages(page)).toHaveCount(10);

    // While the wait lasts, Enter keeps the draft instead of sending.
    await composerInput(page).fill("Patience");
    await composerInput(page).press("Enter");
    await expect(composerInput(page)).toHaveValue("Patience");
    await expect(sendButton(page)).toBeDisabled();

    await expect(notice).toBeHidden({ timeout: 15_000 });
    await failed.getByRole("button", { name: "Retry" }).click();
    await expect(messageWith(page, "Quick 11")).toHaveCount(1);
    await expect(pendingMessages(page)).toHaveCount(0);
    expect(await storedBodies(room.id)).toEqual(Array.from({ length: 11 }, (_, i) => `Quick ${i + 1}`));
  } finally {
    await side.context.close();
  }
});

test("offline: the badge and composer say so, and a message written meanwhile goes out by itself, once", async ({
  browser,
  baseURL,
}) => {
  const { a, b, room, close } = await chatPair(browser, base(baseURL), `Offline ${token()}`);
  try {
    await a.context.setOffline(true);
    await expect(a.page.getByTestId("connection-badge")).toHaveText("Offline");
    await expect(a.page.getByTestId("connection-badge")).toHaveAttribute("role", "status");
    await expect(a.page.getByTestId("offline-notice")).toHaveText(
      "You're offline — messages will send when you reconnect.",
    );

    await sendMessage(a.page, "Written on the train");
    const waiting = pendingMessages(a.page).filter({ hasText: "Written on the train" });
    await expect(waiting).toHaveAttribute("data-status", "failed");
    await expect(waiting).toContainText("It will be sent when you reconnect.");
    expect(await storedBodies(room.id)).toEqual([]);

    await a.context.setOffline(false);
    await expect(messageWith(a.page, "Written on the train")).toHaveCount(1, LIVE);
    await expect(pendingMessages(a.page)).toHaveCount(0);
    await expect(a.page.getByTestId("connection-badge")).toHaveText("Connected", LIVE);
    await expect(messageWith(b.page, "Written on the train")).toHaveCount(1, LIVE);
    expect(await storedBodies(room.id)).toEqual(["Written on the train"]);
  } finally {
    await close();
  }
});

test("the XSS corpus renders as inert text for sender and reader", async ({ browser, baseURL }) => {
  const { a, b, close } = await chatPair(browser, base(baseURL), `Corpus ${token()}`);
  const dialogs: string[] = [];
  for (const page of [a.page, b.page])
    page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  const corpus = [
    `<script>alert("script")</script>`,
    `<img src=x onerror="alert('img')">`,
    `[click me](javascript:alert('link'))`,
    `<svg onload="alert('svg')"><circle r="5"/></svg>`,
    `<iframe src="javascript:alert('frame')"></iframe><b onmouseover="alert('b')">raw html</b>`,
    `<a href="javascript:alert('a')">anchor</a> and https://example.com/path?q=1 and @${b.member.username} too`,
    "`<script>alert('code')</script>` and **bold** _em_",
    "```\n<svg/onload=alert('block')>\n```",
  ];
  try {
    for (const body of corpus) await sendMessage(a.page, body);
    await expect(messages(a.page)).toHaveCount(corpus.length);
    await expect(messages(b.page)).toHaveCount(corpus.length, LIVE);
    await b.page.reload();
    await expect(messages(b.page)).toHaveCount(corpus.length);

    for (const page of [a.page, b.page]) {
      const list = page.getByTestId("message-list");
      const bodies = list.getByTestId("message-body");
      await list.hover();
      for (const tag of ["script", "svg", "iframe", "img", "b", "circle"])
        await expect(bodies.locator(tag), tag).toHaveCount(0);
      await expect(list.locator("script, iframe, img")).toHaveCount(0);
      // The raw markup shows as text.
      await expect(messages(page).nth(0).getByTestId("message-body")).toHaveText(`<script>alert("script")</script>`);
      await expect(messages(page).nth(4).getByTestId("message-body")).toContainText("<iframe");
      const links = await list.locator("a[href]").evaluateAll((anchors) =>
        anchors.map((a) => ({
          href: a.getAttribute("href") ?? "",
          rel: a.getAttribute("rel"),
          mention: a.classList.contains("mention"),
          inBody: !!a.closest("[data-testid=message-body]"),
        })),
      );
      const bodyLinks = links.filter((l) => l.inBody);
      expect(bodyLinks.length).toBeGreaterThan(0);
      for (const link of bodyLinks) {
        expect(link.href).not.toMatch(/^\s*javascript:/i);
        if (!link.mention) expect(link.rel).toBe("noopener nofollow ugc");
      }
      expect(bodyLinks.some((l) => l.href === "https://example.com/path?q=1")).toBe(true);
      expect(bodyLinks.some((l) => l.mention && l.href === `/u/${b.member.username}`)).toBe(true);
      await expect(messages(page).nth(6).locator("strong")).toHaveText("bold");
    }
    // B is mentioned: their copy is highlighted.
    await expect(messages(b.page).nth(5)).toHaveAttribute("data-mentions-viewer", "true");
    await expect(messages(a.page).nth(5)).not.toHaveAttribute("data-mentions-viewer");
    expect(dialogs).toEqual([]);
  } finally {
    await close();
  }
});

test("the composer refuses whitespace and over-long text without a request; the counter shows near the limit", async ({
  browser,
  baseURL,
}) => {
  const side = await signedInSide(browser, base(baseURL), "ws");
  const room = await createRoom({ hostId: side.member.id, name: `Whitespace ${token()}` });
  try {
    const page = side.page;
    await openRoom(page, room);
    const posts = countPosts(page);
    await expect(sendButton(page)).toBeDisabled();
    await composerInput(page).fill("   \n\t  \n ");
    await expect(sendButton(page)).toBeDisabled();
    await composerInput(page).press("Enter");
    await expect(pendingMessages(page)).toHaveCount(0);
    await expect(page.getByTestId("messages-empty")).toBeVisible();

    await composerInput(page).fill("x".repeat(3_400));
    await expect(page.getByTestId("character-counter")).toHaveCount(0);
    await composerInput(page).fill("x".repeat(3_950));
    await expect(page.getByTestId("character-counter")).toHaveText("3,950 / 4,000 characters");
    await expect(sendButton(page)).toBeEnabled();
    await composerInput(page).fill("x".repeat(4_001));
    await expect(page.getByTestId("character-counter")).toHaveAttribute("data-over", "true");
    await expect(page.getByTestId("character-counter")).toContainText("4,001 / 4,000");
    await expect(page.getByTestId("too-long-notice")).toContainText("Messages have at most 4,000 characters.");
    await expect(sendButton(page)).toBeDisabled();
    await composerInput(page).press("Enter");
    await expect(composerInput(page)).toHaveValue("x".repeat(4_001));
    expect(posts.count()).toBe(0);
    expect(await storedBodies(room.id)).toEqual([]);

    // The textarea grows with its text, up to a limit.
    await composerInput(page).fill("one");
    const small = (await composerInput(page).boundingBox())?.height ?? 0;
    await composerInput(page).fill("1\n2\n3\n4");
    const taller = (await composerInput(page).boundingBox())?.height ?? 0;
    expect(taller).toBeGreaterThan(small + 40);
    await composerInput(page).fill(Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n"));
    expect((await composerInput(page).boundingBox())?.height ?? 0).toBeLessThanOrEqual(260);
  } finally {
    await side.context.close();
  }
});

test("visitors read along live and are asked to sign in; unconfirmed members are asked to confirm", async ({
  page,
  browser,
  baseURL,
}) => {
  const host = await signedInSide(browser, base(baseURL), "vh");
  const room = await createRoom({ hostId: host.member.id, name: `Visitors ${token()}` });
  try {
    await page.goto(`/rooms/${room.slug}`);
    const prompt = page.getByTestId("composer-signed-out");
    await expect(prompt).toContainText("Sign in to join the conversation");
    await expect(prompt.getByRole("link", { name: "Sign in" })).toHaveAttribute(
      "href",
      `/login?callbackUrl=${encodeURIComponent(`/rooms/${room.slug}`)}`,
    );
    await expect(page.getByRole("combobox", { name: /^Message / })).toHaveCount(0);

    await openRoom(host.page, room);
    await sendMessage(host.page, "Visitors see this too");
    await expect(messageWith(page, "Visitors see this too")).toHaveCount(1, { timeout: 12_000 });

    const unconfirmed = await createMember({ prefix: "uv" });
    await sql(`UPDATE "User" SET "emailVerifiedAt" = NULL WHERE id = $1`, [unconfirmed.id]);
    const context = await browser.newContext({ baseURL: base(baseURL) });
    try {
      await signInByCookie(context, base(baseURL), unconfirmed);
      const other = await context.newPage();
      await other.goto(`/rooms/${room.slug}`);
      await expect(other.getByTestId("composer-unverified")).toContainText("Confirm your email to post.");
      await expect(other.getByRole("combobox", { name: /^Message / })).toHaveCount(0);
      await expect(messageWith(other, "Visitors see this too")).toHaveCount(1);
    } finally {
      await context.close();
    }
  } finally {
    await host.context.close();
  }
});

test("room changes reach the other member live: a rename updates the header, a deletion closes the room", async ({
  browser,
  baseURL,
}) => {
  const { a, b, room, close } = await chatPair(browser, base(baseURL), `Changing ${token()}`);
  try {
    await sendMessage(a.page, "Before the changes");
    await expect(messageWith(b.page, "Before the changes")).toHaveCount(1, LIVE);

    const renamed = `Renamed ${token()}`;
    await a.page.goto(`/rooms/${room.slug}/edit`);
    const form = a.page.getByTestId("room-form");
    await form.getByLabel("Name").fill(renamed);
    await form.getByLabel(/^Description/).fill("A fresh description.");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(renamed);

    await expect(b.page.getByRole("heading", { level: 1 })).toHaveText(renamed, LIVE);
    await expect(b.page.getByTestId("room-description")).toHaveText("A fresh description.", LIVE);
    await expect(b.page).toHaveTitle(new RegExp(`^${renamed}`), LIVE);

    await a.page.getByTestId("room-header").getByRole("button", { name: "Delete…" }).click();
    await a.page.getByRole("alertdialog").getByRole("button", { name: "Delete room" }).click();
    await expect(a.page).toHaveURL(/\/$/);

    const notice = b.page.getByTestId("room-deleted-notice");
    await expect(notice).toContainText("This room was deleted.", LIVE);
    await expect(composerInput(b.page)).toHaveCount(0);
    await expect(notice.getByRole("link", { name: "Back to all rooms" })).toHaveAttribute("href", "/");
  } finally {
    await close();
  }
});

test("desktop layout: the conversation fills the window, only the list scrolls, people beside it", async ({
  browser,
  baseURL,
}, testInfo) => {
  const side = await signedInSide(browser, base(baseURL), "lay", { viewport: { width: 1280, height: 800 } });
  const other = await createMember({ prefix: "lo" });
  const room = await createRoom({ hostId: side.member.id, name: `Layout ${token()}` });
  await insertMessages(room.id, other.id, 40, "Some earlier chatter, a line of it,");
  try {
    const page = side.page;
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    // A controllable clock (it still runs on its own) to see relative times refresh.
    await page.clock.install();
    await openRoom(page, room);
    await sendMessage(
      page,
      `Here is **bold**, \`code\`, a link https://example.com and a mention of @${other.username} here`,
    );
    await expect(pendingMessages(page)).toHaveCount(0);
    const mine = messages(page).last();
    await expect(mine.locator("time").first()).toHaveText("just now");
    await expect(mine.locator("time").first()).toHaveAttribute("title", /\d{4}/);
    // The page itself does not scroll; the composer sits at the bottom of the window.
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(1);
    const composer = await page.getByTestId("composer").boundingBox();
    expect((composer?.y ?? 0) + (composer?.height ?? 0)).toBeGreaterThan(760);
    expect((composer?.y ?? 0) + (composer?.height ?? 0)).toBeLessThanOrEqual(800);
    await expect(page.getByTestId("people-drawer")).toBeVisible();
    await expect(page.getByTestId("people-open")).toBeHidden();
    await expect(page.getByTestId("connection-badge")).toHaveText("Connected");
    await page.screenshot({ path: testInfo.outputPath("room-desktop-1280.png") });
    await page.clock.fastForward("03:00");
    await expect(mine.locator("time").first()).toHaveText("3 minutes ago");
    // Server HTML and the first browser render agree (times are rendered from the server's clock in UTC first).
    expect(consoleErrors.filter((text) => /hydrat|#418|#423|#425/i.test(text))).toEqual([]);
  } finally {
    await side.context.close();
  }
});
