// Realtime clients for the chat fan-out benchmark: members in the database with session cookies
// (minted the way next-auth issues them, no sign-in form), and pusher-js connections in this Node
// process subscribed to a channel, signed through the app's own POST /api/pusher/auth or with the
// pusher SDK directly (the production-server test's listener).
import { randomBytes } from "node:crypto";
import type Pusher from "pusher";
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import type pg from "pg";
import {
  createRealtimeClient,
  type ChannelAuthorizer,
  type UserAuthenticator,
} from "../../../lib/realtime/browser-client";
import type { PublicRealtimeConfig } from "../../../lib/realtime/config";
import { sessionCookies } from "./session-cookie";

export interface BenchMember {
  id: string;
  username: string;
  /** `next-auth.session-token=…`, for the Cookie header. */
  cookie: string;
}

/** Inserts `count` verified members named `<prefix>_<n>` and mints each a session cookie. */
export async function createMembers(
  client: pg.Client,
  { prefix, count, secret }: { prefix: string; count: number; secret: string },
): Promise<BenchMember[]> {
  const { rows } = await client.query<{ id: string; username: string }>(
    `INSERT INTO "User" (id, email, username, name, "emailVerifiedAt", "updatedAt")
     SELECT $1 || lpad(i::text, 6, '0'), $2 || i || '@bench.test', $2 || i, 'Fan-out ' || $2 || i, now(), now()
     FROM generate_series(1, $3::int) AS i
     RETURNING id, username`,
    [`bench${prefix}${randomBytes(4).toString("hex")}`, `${prefix}_`, count],
  );
  const cookies = await sessionCookies(
    client,
    rows.map((row) => row.id),
    secret,
  );
  return rows.map((row, index) => ({ ...row, cookie: cookies[index] ?? "" }));
}

/** A topic and a room hosted by `hostId`, straight in the database. */
export async function createRoom(
  client: pg.Client,
  { name, hostId }: { name: string; hostId: string },
): Promise<{ id: string; slug: string }> {
  const suffix = randomBytes(4).toString("hex");
  const id = `benchroom${suffix}${name.replace(/[^a-z0-9]/g, "")}`.slice(0, 30);
  const slug = `${name}-${suffix}`;
  await client.query(`INSERT INTO "Topic" (id, name, slug) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    `benchtopic${suffix}`,
    `Bench ${suffix}`,
    `bench-${suffix}`,
  ]);
  await client.query(
    `INSERT INTO "Room" (id, name, slug, description, "topicId", "hostId", "updatedAt") VALUES ($1, $2, $3, '', $4, $5, now())`,
    [id, name, slug, `benchtopic${suffix}`, hostId],
  );
  return { id, slug };
}

/** Signs subscriptions through the app, as the browser does (pusher-js posts the same form). */
export function appAuthorizer(baseUrl: string, member: BenchMember): ChannelAuthorizer {
  return async ({ socketId, channelName }) => {
    const response = await fetch(`${baseUrl}/api/pusher/auth`, {
      method: "POST",
      headers: { cookie: member.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
    });
    if (!response.ok)
      throw new Error(`channel auth for ${member.username} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { auth: string; channel_data?: string };
  };
}

/** Signs presence subscriptions with the app's credentials, without asking the app. */
export function sdkAuthorizer(sdk: Pusher, userId: string): ChannelAuthorizer {
  return ({ socketId, channelName }) =>
    Promise.resolve(
      sdk.authorizeChannel(socketId, channelName, {
        user_id: userId,
        user_info: { name: userId, username: userId, avatarUrl: null },
      }),
    );
}

/** Signs the connection in as `userId` with the app's credentials (soketi closes one that never signs in). */
export function sdkAuthenticator(sdk: Pusher, userId: string): UserAuthenticator {
  return ({ socketId }) => Promise.resolve(sdk.authenticateUser(socketId, { id: userId }));
}

export interface Connection {
  client: PusherClient;
  channel: Channel;
  socketId: string;
}

/** A pusher-js connection subscribed to `channelName`; rejects after `timeoutMs`. */
export async function connectAndSubscribe({
  config,
  channelName,
  authorize,
  authenticate,
  timeoutMs = 30_000,
}: {
  config: PublicRealtimeConfig;
  channelName: string;
  authorize: ChannelAuthorizer;
  /** Without it the realtime server closes the connection after its sign-in timeout (30 s). */
  authenticate?: UserAuthenticator;
  timeoutMs?: number;
}): Promise<Connection> {
  const client = createRealtimeClient(config, authorize, authenticate);
  const channel = client.subscribe(channelName);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`subscribing to ${channelName} timed out`)), timeoutMs);
      channel.bind("pusher:subscription_succeeded", () => {
        clearTimeout(timer);
        resolve();
      });
      channel.bind("pusher:subscription_error", (error: unknown) => {
        clearTimeout(timer);
        reject(new Error(`subscription to ${channelName} refused: ${JSON.stringify(error)}`));
      });
    });
  } catch (error) {
    client.disconnect();
    throw error;
  }
  return { client, channel, socketId: client.connection.socket_id };
}
