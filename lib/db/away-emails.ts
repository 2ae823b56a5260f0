// The away-email worker's queries (lib/notifications/away-emails.ts decides and sends): settling entries no email is
// due for, finding members with entries due, and one member's batch under the lock of their "AwayEmail" row. Plain
// pg on a pool the caller may give (tests run two workers on two pools). Times go in and out as UTC (AT TIME ZONE),
// as Prisma stores them, whatever the process's time zone.
import "server-only";
import type pg from "pg";
import { dbPool } from "./client";
import type { NotificationKind } from "./generated/prisma/enums";

export type Queryable = Pick<pg.Pool, "query" | "connect">;

const UTC = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;
const DAY = `interval '24 hours'`;

// An entry waiting for an email: a mention or reply, unread, not emailed or settled, older than the delay ($2).
const WAITING = `n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" <= ${UTC("$2")}
  AND n.kind IN ('MENTION', 'REPLY')`;
const ELIGIBLE = `u."awayEmails" <> 'OFF' AND u."emailVerifiedAt" IS NOT NULL AND u."deactivatedAt" IS NULL`;
// Whether this member's next email may go now ($1): not waiting out a failure's backoff, and a daily digest at most
// once a day.
const MAY_SEND = `(a."retryAt" IS NULL OR a."retryAt" <= ${UTC("$1")})
  AND (u."awayEmails" = 'EACH' OR a."lastSentAt" IS NULL OR a."lastSentAt" <= ${UTC("$1")} - ${DAY})`;

/** The scans every tick runs ($1 now, $2 due before; $3 the member limit), printed with their plans by
 * `npm run bench:away-emails`. Settling also marks entries read meanwhile and report outcomes (never emailed): then
 * only waiting entries have no "emailedAt", so PostgreSQL's statistics on that one column tell the planner how few
 * they are, and both scans start from the index's short NULL range. */
// Scalar subqueries look each due entry's owner and message up by primary key: as joins, the planner would scan
// every message for the few deleted ones, its statistics saying they are rare.
export const SETTLE_SQL = `UPDATE "Notification" n SET "emailedAt" = ${UTC("$1")}
  WHERE n."emailedAt" IS NULL
    AND (n."readAt" IS NOT NULL OR n.kind NOT IN ('MENTION', 'REPLY')
      OR (${WAITING}
        AND ((SELECT NOT (${ELIGIBLE}) FROM "User" u WHERE u.id = n."userId")
          OR (SELECT m."deletedAt" IS NOT NULL FROM "Message" m WHERE m.id = n."messageId"))))`;

export const DUE_MEMBERS_SQL = `WITH due AS (
    SELECT DISTINCT n."userId"
    FROM "Notification" n JOIN "User" u ON u.id = n."userId" LEFT JOIN "AwayEmail" a ON a."userId" = n."userId"
    WHERE ${WAITING} AND ${ELIGIBLE} AND ${MAY_SEND}
    LIMIT $3
  ), ensured AS (
    INSERT INTO "AwayEmail" ("userId") SELECT "userId" FROM due ON CONFLICT DO NOTHING
  )
  SELECT "userId" FROM due`;

/**
 * Marks entries no email is due for: read, a report's outcome, or due but never to be emailed (owner off, unverified
 * or deactivated; message deleted).
 */
export async function settleUnemailable(
  { now, dueBefore }: { now: Date; dueBefore: Date },
  pool: Queryable = dbPool(),
): Promise<number> {
  const result = await pool.query(SETTLE_SQL, [now, dueBefore]);
  return result.rowCount ?? 0;
}

/** Up to `limit` members with entries due now, each with an "AwayEmail" row to lock. */
export async function findDueMembers(
  { now, dueBefore, limit }: { now: Date; dueBefore: Date; limit: number },
  pool: Queryable = dbPool(),
): Promise<string[]> {
  const { rows } = await pool.query<{ userId: string }>(DUE_MEMBERS_SQL, [now, dueBefore, limit]);
  return rows.map((r) => r.userId);
}

export interface DueEntry {
  id: number;
  kind: Extract<NotificationKind, "MENTION" | "REPLY">;
  createdAt: Date;
  actorName: string | null;
  message: { id: number; body: string; room: { slug: string; name: string } };
}

export interface LockedBatch {
  member: { id: string; email: string; name: string; mode: "EACH" | "DAILY" };
  /** The oldest `limit` entries due, and how many are due in all. */
  entries: DueEntry[];
  total: number;
  /** Failed sends in a row so far. */
  failures: number;
}

interface EntryRow {
  id: number;
  kind: DueEntry["kind"];
  createdAt: Date;
  actorName: string | null;
  messageId: number;
  body: string;
  slug: string;
  roomName: string;
  email: string;
  name: string;
  mode: "EACH" | "DAILY";
  failures: number;
  total: string;
}

const DUE_ENTRIES = `SELECT n.id, n.kind::text AS kind, n."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
    act.name AS "actorName", m.id AS "messageId", m.body, r.slug, r.name AS "roomName",
    u.email, u.name, u."awayEmails"::text AS mode, a.failures, count(*) OVER () AS total
  FROM "Notification" n
  JOIN "User" u ON u.id = n."userId"
  JOIN "AwayEmail" a ON a."userId" = n."userId"
  JOIN "Message" m ON m.id = n."messageId" AND m."deletedAt" IS NULL
  JOIN "Room" r ON r.id = m."roomId"
  LEFT JOIN "User" act ON act.id = n."actorId"
  WHERE n."userId" = $3 AND ${WAITING} AND ${ELIGIBLE} AND ${MAY_SEND}
  ORDER BY n.id
  LIMIT $4`;

/** What a worker may do with the member it locked. */
export interface MemberLock {
  /** The member's due entries as they stand now (after the lock), or null when none is. */
  readBatch(input: { now: Date; dueBefore: Date; limit: number }): Promise<LockedBatch | null>;
  /** The batch went out: its entries are emailed and the member's state starts afresh. */
  markSent(input: { entryIds: number[]; now: Date }): Promise<void>;
  /** The send failed: nothing is marked; the member waits until `retryAt`. */
  recordFailure(input: { retryAt: Date; error: string }): Promise<void>;
}

/**
 * Runs `work` in one transaction holding the lock of the member's "AwayEmail" row (FOR UPDATE SKIP LOCKED): answers
 * `{ locked: false }` at once when another worker holds it. Committed when `work` resolves; rolled back when it
 * throws, or when the process dies (the connection closes), which frees the lock for another worker.
 */
export async function withMemberLock<T>(
  { userId, holdMs }: { userId: string; holdMs: number },
  work: (lock: MemberLock) => Promise<T>,
  pool: Queryable = dbPool(),
): Promise<{ locked: false } | { locked: true; result: T }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // The transaction stays open while the mail is sent: the pool's idle-in-transaction bound would end it sooner.
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.ceil(holdMs)}`);
    const { rows } = await client.query(`SELECT 1 FROM "AwayEmail" WHERE "userId" = $1 FOR UPDATE SKIP LOCKED`, [
      userId,
    ]);
    if (rows.length === 0) {
      await client.query("ROLLBACK");
      return { locked: false };
    }
    const result = await work(memberLock(client, userId));
    await client.query("COMMIT");
    return { locked: true, result };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function memberLock(client: pg.PoolClient, userId: string): MemberLock {
  return {
    async readBatch({ now, dueBefore, limit }) {
      const { rows } = await client.query<EntryRow>(DUE_ENTRIES, [now, dueBefore, userId, limit]);
      const first = rows[0];
      if (!first) return null;
      return {
        member: { id: userId, email: first.email, name: first.name, mode: first.mode },
        entries: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          createdAt: r.createdAt,
          actorName: r.actorName,
          message: { id: r.messageId, body: r.body, room: { slug: r.slug, name: r.roomName } },
        })),
        total: Number(first.total),
        failures: first.failures,
      };
    },
    async markSent({ entryIds, now }) {
      await client.query(`UPDATE "Notification" SET "emailedAt" = ${UTC("$2")} WHERE id = ANY($1::int[])`, [
        entryIds,
        now,
      ]);
      await client.query(
        `UPDATE "AwayEmail" SET "lastSentAt" = ${UTC("$2")}, failures = 0, "retryAt" = NULL, "lastError" = NULL
         WHERE "userId" = $1`,
        [userId, now],
      );
    },
    async recordFailure({ retryAt, error }) {
      await client.query(
        `UPDATE "AwayEmail" SET failures = failures + 1, "retryAt" = ${UTC("$2")}, "lastError" = $3 WHERE "userId" = $1`,
        [userId, retryAt, error],
      );
    },
  };
}
