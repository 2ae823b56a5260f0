// Fault drills for PostgreSQL (issue 15, items 14 and 16): this file's app pool reaches the run's real PostgreSQL
// through a TCP relay (tests/support/tcp-relay.ts) that refuses, cuts or holds connections, so the outage touches no
// other test file. Down → every path answers the 503 `unavailable:database` (routes with Retry-After, forms and
// sign-in in words), never "internal" or "wrong password"; stopped during a send → nothing half-written, and the
// retry with the same client key stores exactly once; hanging → a 503 within the configured bound.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { formatDatabaseUrl, parseDatabaseUrl } from "@/lib/db/connection";
import type { SessionUser } from "@/lib/db/users";
import { startRelay } from "../support/tcp-relay";
import { eventually, waitFor } from "../support/wait-for";

// Before any app module reads its configuration (lib/env.ts reads it once): the pool goes through the relay, with
// short bounds so that a hang costs the test seconds.
const realUrl = process.env.DATABASE_URL as string;
const relay = await startRelay(parseDatabaseUrl(realUrl));
process.env.DATABASE_URL = formatDatabaseUrl({ ...parseDatabaseUrl(realUrl), host: "127.0.0.1", port: relay.port });
process.env.DATABASE_CONNECT_TIMEOUT_MS = "1000";
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";
const QUERY_BOUND_MS = 1000 + 2000; // statement timeout + the client's margin (lib/db/client.ts)

const { GET: historyRoute } = await import("@/app/api/rooms/[slug]/messages/route");
const { answerSend } = await import("@/lib/chat/send-reply");
const { memberAction } = await import("@/lib/actions/member-action");
const { authOptions } = await import("@/lib/auth/options");
const { hashPassword } = await import("@/lib/auth/password");
const { disconnectDb } = await import("@/lib/db/client");
const { createRoom } = await import("@/lib/db/rooms");
const { createUser, findSessionUser, findUserByEmail } = await import("@/lib/db/users");

const OUTAGE = {
  error: { code: "unavailable:database", message: "We can't reach our database. Try again in a minute." },
};

/** A connection of the test's own, straight to PostgreSQL: to look at what was stored, and to make it wait. */
const direct = new pg.Client({ connectionString: realUrl });
let alice: SessionUser;
const PASSWORD = "a long enough password 1";

beforeAll(async () => {
  await direct.connect();
  const { id } = await createUser({
    email: "alice@outage.test",
    username: "alice_outage",
    name: "Alice",
    passwordHash: await hashPassword(PASSWORD),
    emailVerifiedAt: new Date(),
  });
  alice = (await findSessionUser({ id })) as SessionUser;
});
afterEach(() => relay.resume());
afterEach(() => {
  relay.down = false;
  relay.delayMs = 0;
});
afterAll(async () => {
  await disconnectDb();
  await direct.end();
  await relay.close();
});

let rooms = 0;
const newRoom = () => createRoom({ name: `Outage ${++rooms}`, topicName: "Drills", description: "", hostId: alice.id });

/** PostgreSQL as the app sees it goes away: open connections die, new ones are refused. */
function stopDatabase(): void {
  relay.down = true;
  relay.cut();
}

const send = (slug: string, clientKey: string, body = "hello") =>
  answerSend({
    actor: Promise.resolve(alice),
    slug,
    text: JSON.stringify({ body, clientKey }),
    contentType: "application/json",
    socketIdHeader: null,
  });

async function history(slug: string) {
  const request = new NextRequest(`http://localhost/api/rooms/${slug}/messages`);
  const response = await historyRoute(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), body: await response.json() };
}

/** What the send statement writes, as the database holds it. */
async function stored(roomId: string, clientKey: string) {
  const { rows } = await direct.query<{ messages: number; participants: number; hits: number | null; count: number }>(
    `SELECT (SELECT count(*)::int FROM "Message" WHERE "authorId" = $1 AND "clientKey" = $2) AS messages,
            (SELECT count(*)::int FROM "Participant" WHERE "roomId" = $3 AND "userId" = $1) AS participants,
            (SELECT points FROM "RateLimit" WHERE key = 'messagePost:' || $1 || ':' || $3) AS hits,
            (SELECT "participantCount" FROM "Room" WHERE id = $3) AS count`,
    [alice.id, clientKey, roomId],
  );
  return rows[0];
}

describe("database down", () => {
  it("the history API answers 503 unavailable:database with Retry-After, and 200 once it is back", async () => {
    const room = await newRoom();
    stopDatabase();
    expect(await history(room.slug)).toEqual({ status: 503, retryAfter: "30", body: OUTAGE });
    relay.down = false;
    expect((await history(room.slug)).status).toBe(200);
  });

  it("sign-in says the database is out of reach, not that the password is wrong", async () => {
    const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> };
    };
    const attempt = () =>
      provider.options
        .authorize({ identifier: "alice_outage", password: PASSWORD }, { headers: {} })
        .catch((error: unknown) => error);
    stopDatabase();
    // next-auth hands this message to the sign-in form as ?error=, which names the outage.
    expect(await attempt()).toMatchObject({ message: "unavailable:database" });
    relay.down = false;
    expect(await attempt()).toMatchObject({ id: alice.id });
  });

  it("a form's server action answers with the outage in words", async () => {
    stopDatabase();
    const state = await memberAction(new FormData(), { caller: "anyone", schema: z.object({}) }, async () => {
      await findUserByEmail({ email: "anyone@outage.test" });
      return { status: "success" as const, message: "done" };
    });
    expect(state).toMatchObject({ status: "error", message: OUTAGE.error.message });
  });
});

describe("PostgreSQL stopped during a send", () => {
  it("refused before the send reached it: 503, nothing stored; the retry with the same key stores once", async () => {
    const room = await newRoom();
    const key = randomUUID();
    const before = await stored(room.id, key);
    stopDatabase();
    const failed = await send(room.slug, key);
    expect(failed).toMatchObject({ status: 503, body: OUTAGE, headers: { "Retry-After": "30" } });
    expect(await stored(room.id, key)).toEqual(before);

    relay.down = false;
    const retried = await send(room.slug, key);
    expect(retried.status).toBe(201);
    await retried.delivered;
    expect(await stored(room.id, key)).toEqual({ ...before, messages: 1, hits: 1 });
  });

  it("killed in the middle of the statement: 503, nothing half-written; the retry stores once", async () => {
    const room = await newRoom();
    const key = randomUUID();
    const before = await stored(room.id, key);
    // Hold the room's row, so the send has inserted its message, participant and rate-limit hit when it waits to
    // update the room; then end its backend there, as a server shutdown would (57P01).
    await direct.query("BEGIN");
    await direct.query(`SELECT 1 FROM "Room" WHERE id = $1 FOR UPDATE`, [room.id]);
    const sending = send(room.slug, key);
    const pid = await eventually(
      async () => {
        const { rows } = await direct.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows.length === 1 ? rows[0]?.pid : undefined;
      },
      { what: "the send waiting on the room's row" },
    );
    await direct.query("SELECT pg_terminate_backend($1)", [pid]);
    expect(await sending).toMatchObject({ status: 503, body: OUTAGE });
    await direct.query("COMMIT");
    expect(await stored(room.id, key)).toEqual(before);

    const retried = await send(room.slug, key);
    expect(retried.status).toBe(201);
    await retried.delivered;
    expect(await stored(room.id, key)).toEqual({ ...before, messages: 1, hits: 1 });
  });

  it("stored, but the answer was lost: 503; the retry answers the stored message and stores nothing twice", async () => {
    const room = await newRoom();
    const key = randomUUID();
    const before = await stored(room.id, key);
    relay.holdReplies = true;
    const sending = send(room.slug, key);
    // The statement committed; its answer is held in the relay. Then the database dies.
    await waitFor(async () => (await stored(room.id, key))?.messages === 1, { what: "the message stored" });
    stopDatabase();
    expect(await sending).toMatchObject({ status: 503, body: OUTAGE });
    relay.resume();
    relay.down = false;

    const retried = await send(room.slug, key);
    expect(retried.status).toBe(200);
    // Every request counts towards the rate limit, the replay too; the message and its effects are there once.
    expect(await stored(room.id, key)).toEqual({ ...before, messages: 1, hits: 2 });
    const retriedAgain = await send(room.slug, key);
    expect(retriedAgain).toMatchObject({ status: 200, body: { id: (retried.body as { id: number }).id } });
  });
});

describe("a slow database", () => {
  it("every pooled connection carries the configured bounds", async () => {
    const { dbPool } = await import("@/lib/db/client");
    const { rows } = await dbPool().query<{ statement: string; idle: string }>(
      "SELECT current_setting('statement_timeout') AS statement," +
        " current_setting('idle_in_transaction_session_timeout') AS idle",
    );
    expect(rows[0]).toEqual({ statement: "1s", idle: "30s" });
  });

  it("a statement stuck on a lock is cancelled by statement_timeout: 503 within the bound", async () => {
    const room = await newRoom();
    await direct.query("BEGIN");
    await direct.query(`LOCK TABLE "Message" IN ACCESS EXCLUSIVE MODE`);
    try {
      const started = Date.now();
      expect(await history(room.slug)).toEqual({ status: 503, retryAfter: "30", body: OUTAGE });
      expect(Date.now() - started).toBeLessThan(QUERY_BOUND_MS);
    } finally {
      await direct.query("ROLLBACK");
    }
  });

  it("a database that hears nothing (a stalled network) still answers 503 within the bound", async () => {
    const room = await newRoom();
    expect((await history(room.slug)).status).toBe(200); // connections open and idle in the pool
    relay.holdRequests = true;
    const started = Date.now();
    expect(await history(room.slug)).toMatchObject({ status: 503, body: OUTAGE });
    expect(Date.now() - started).toBeLessThan(QUERY_BOUND_MS + 1000);
    const key = randomUUID();
    const sendStarted = Date.now();
    expect(await send(room.slug, key)).toMatchObject({ status: 503, body: OUTAGE });
    expect(Date.now() - sendStarted).toBeLessThan(QUERY_BOUND_MS + 1000);
    relay.resume();
    expect((await history(room.slug)).status).toBe(200);
  });

  it("a database slow to accept connections: 503 after the connect timeout", async () => {
    const room = await newRoom();
    relay.cut(); // no idle connection left in the pool
    relay.delayMs = 10_000;
    const started = Date.now();
    expect(await history(room.slug)).toMatchObject({ status: 503, body: OUTAGE });
    expect(Date.now() - started).toBeLessThan(1000 + 1500);
  });
});
