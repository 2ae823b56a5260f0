// Helpers for the chat specs: fresh members signed in in their own browser contexts, a fresh
// room, many messages inserted at once, and the room page's composer and message list.
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { createMember, createRoom, signInByCookie, type ArrangedRoom, type Member } from "./members";
import { sql } from "./services";

export interface ChatSide {
  member: Member;
  context: BrowserContext;
  page: Page;
}

/** A verified member signed in (by cookie) in a context of their own. */
export async function signedInSide(
  browser: Browser,
  baseURL: string,
  prefix: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<ChatSide> {
  const member = await createMember({ prefix });
  const context = await browser.newContext({ baseURL, viewport: options.viewport });
  await signInByCookie(context, baseURL, member);
  const page = await context.newPage();
  return { member, context, page };
}

export interface ChatPair {
  a: ChatSide;
  b: ChatSide;
  room: ArrangedRoom;
  close(): Promise<void>;
}

/** Two fresh members, A hosting a fresh room and B joined, both signed in and on the room page. */
export async function chatPair(
  browser: Browser,
  baseURL: string,
  name: string,
  { open = true } = {},
): Promise<ChatPair> {
  const a = await signedInSide(browser, baseURL, "ca");
  const b = await signedInSide(browser, baseURL, "cb");
  const room = await createRoom({ hostId: a.member.id, name });
  await sql(`INSERT INTO "Participant" ("roomId", "userId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    room.id,
    b.member.id,
  ]);
  if (open) await Promise.all([openRoom(a.page, room), openRoom(b.page, room)]);
  return {
    a,
    b,
    room,
    close: async () => {
      await a.context.close();
      await b.context.close();
    },
  };
}

/** Opens the room page and waits until it is live (subscribed connections say "Connected"). */
export async function openRoom(page: Page, room: ArrangedRoom, { live = true } = {}): Promise<void> {
  await page.goto(`/rooms/${room.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(room.name);
  if (live) await expect(connectionBadge(page)).toHaveAttribute("data-status", "connected", { timeout: 15_000 });
}

export const connectionBadge = (page: Page) => page.getByTestId("connection-badge");
export const composerInput = (page: Page) => page.getByRole("combobox", { name: /^Message / });
export const sendButton = (page: Page) => page.getByRole("button", { name: "Send message" });
export const messages = (page: Page) => page.getByTestId("message-list").getByTestId("message");
export const pendingMessages = (page: Page) => page.getByTestId("pending-message");
export const messageWith = (page: Page, text: string): Locator =>
  messages(page).filter({ has: page.getByTestId("message-body").getByText(text, { exact: true }) });

/** Types into the composer and presses Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await composerInput(page).fill(text);
  await composerInput(page).press("Enter");
}

/**
 * Inserts `count` messages by `authorId` into the room in one statement, "<prefix> 1" … "<prefix> N",
 * oldest first, 30 seconds apart and ending a minute ago.
 */
export async function insertMessages(roomId: string, authorId: string, count: number, prefix: string): Promise<void> {
  await sql(
    `INSERT INTO "Message" ("roomId", "authorId", body, "createdAt")
     SELECT $1, $2, $3 || ' ' || n, now() - interval '1 minute' - (($4::int - n) * interval '30 seconds')
     FROM generate_series(1, $4::int) AS n`,
    [roomId, authorId, prefix, count],
  );
  await sql(`INSERT INTO "Participant" ("roomId", "userId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    roomId,
    authorId,
  ]);
}

/** The bodies of the room's stored messages, oldest first (deleted ones left out). */
export async function storedBodies(roomId: string): Promise<string[]> {
  const rows = await sql<{ body: string }>(
    `SELECT body FROM "Message" WHERE "roomId" = $1 AND "deletedAt" IS NULL ORDER BY id`,
    [roomId],
  );
  return rows.map((r) => r.body);
}
