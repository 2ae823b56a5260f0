// Helpers for the presence and typing specs: a member's browser context opened on a room, the
// people panel's online list as B sees it, and a pusher-js client in Node that joins a room's
// presence channel as a member (signed by the app's own /api/pusher/auth), e.g. to send forged
// client events.
import {
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "@playwright/test";
import type Pusher from "pusher-js";
import type { PresenceChannel } from "pusher-js";
import { DEV_DEFAULTS } from "../../lib/env";
import { createRealtimeClient } from "../../lib/realtime/browser-client";
import { presenceChannel } from "../../lib/realtime/channels";
import { sql } from "./services";
import { signInByCookie, type ArrangedRoom, type Member } from "./members";

export interface MemberTab {
  context: BrowserContext;
  page: Page;
}

/** A new browser context signed in as `member` (null: a visitor), with `room` open. */
export async function openRoomAs(
  browser: Browser,
  baseURL: string,
  member: Pick<Member, "id"> | null,
  room: ArrangedRoom,
  options: BrowserContextOptions = {},
): Promise<MemberTab> {
  const context = await browser.newContext({ ...options, baseURL });
  if (member) await signInByCookie(context, baseURL, member);
  const page = await context.newPage();
  await page.goto(`/rooms/${room.slug}`);
  return { context, page };
}

/** How many connections soketi holds on the room's presence channel (every tab counts). */
export async function presenceConnections(room: ArrangedRoom): Promise<number> {
  const { default: PusherServer } = await import("pusher");
  const server = new PusherServer({
    appId: DEV_DEFAULTS.PUSHER_APP_ID,
    key: DEV_DEFAULTS.PUSHER_KEY,
    secret: DEV_DEFAULTS.PUSHER_SECRET,
    host: "127.0.0.1",
    port: process.env.E2E_PUSHER_PORT,
    useTLS: false,
  });
  const response = await server.get({
    path: `/channels/${presenceChannel(room.id)}`,
    params: { info: "subscription_count" },
  });
  return ((await response.json()) as { subscription_count?: number }).subscription_count ?? 0;
}

/** The people panel's "Online now" rows. */
export const onlineMembers = (page: Page): Locator => page.getByTestId("people-panel").getByTestId("online-member");

/** The usernames listed under "Online now", in the order shown. */
export async function expectOnline(page: Page, usernames: string[]): Promise<void> {
  await expect(onlineMembers(page)).toHaveCount(usernames.length);
  await expect
    .poll(() => onlineMembers(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-username"))))
    .toEqual(usernames);
}

/** Makes `member` a participant of `room` who joined `minutesAgo` minutes ago. */
export async function addParticipantRow(room: ArrangedRoom, member: Pick<Member, "id">, minutesAgo = 0): Promise<void> {
  await sql(
    `INSERT INTO "Participant" ("roomId", "userId", "joinedAt") VALUES ($1, $2, now() - make_interval(mins => $3)) ON CONFLICT DO NOTHING`,
    [room.id, member.id, minutesAgo],
  );
  await sql(
    `UPDATE "Room" SET "participantCount" = (SELECT count(*) FROM "Participant" WHERE "roomId" = $1) WHERE id = $1`,
    [room.id],
  );
}

export interface NodeMember {
  client: Pusher;
  channel: PresenceChannel;
}

/**
 * A realtime client in Node, subscribed to the room's presence channel as the member signed in
 * to `context` (its cookie goes to /api/pusher/auth, as the browser's would).
 */
export async function joinPresenceFromNode(context: BrowserContext, room: ArrangedRoom): Promise<NodeMember> {
  const client = createRealtimeClient(
    {
      key: DEV_DEFAULTS.PUSHER_KEY,
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: Number(process.env.E2E_PUSHER_PORT),
      forceTLS: false,
    },
    async ({ socketId, channelName }) => {
      const response = await context.request.post("/api/pusher/auth", {
        form: { socket_id: socketId, channel_name: channelName },
      });
      if (!response.ok()) throw new Error(`channel auth answered ${response.status()}`);
      return (await response.json()) as { auth: string; channel_data?: string };
    },
  );
  const channel = await new Promise<PresenceChannel>((resolve, reject) => {
    const subscribed = client.subscribe(presenceChannel(room.id)) as PresenceChannel;
    subscribed.bind("pusher:subscription_succeeded", () => resolve(subscribed));
    subscribed.bind("pusher:subscription_error", (error: unknown) =>
      reject(new Error(`subscription refused: ${JSON.stringify(error)}`)),
    );
  });
  return { client, channel };
}

/** Adds `count` verified members to `room` as participants in one statement (names "Crowd 001"…). */
export async function addCrowd(room: ArrangedRoom, count: number, tag: string): Promise<void> {
  await sql(
    `WITH made AS (
       INSERT INTO "User" (id, email, username, name, "emailVerifiedAt", "updatedAt")
       SELECT 'e2ecrowd' || $2 || lpad(n::text, 4, '0'), 'crowd' || $2 || n || '@example.test', 'crowd_' || $2 || '_' || n,
              'Crowd ' || lpad(n::text, 3, '0'), now(), now()
       FROM generate_series(1, $3::int) AS n
       RETURNING id)
     INSERT INTO "Participant" ("roomId", "userId", "joinedAt") SELECT $1, id, now() - interval '1 day' FROM made`,
    [room.id, tag, count],
  );
  await sql(
    `UPDATE "Room" SET "participantCount" = (SELECT count(*) FROM "Participant" WHERE "roomId" = $1) WHERE id = $1`,
    [room.id],
  );
}
