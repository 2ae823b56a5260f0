// Rate-limit counters in PostgreSQL ("RateLimit": key, points, expire), shared by every app instance. One upsert per
// hit: the row lock of INSERT … ON CONFLICT DO UPDATE makes concurrent hits count exactly, and a window whose expiry
// has passed starts afresh in the same statement. A check-then-count limit (sign-in) consumes instead: the point is
// taken before the work, only if one is free, in one statement, and refunded when the attempt turns out not to count.
// Times are the database's (UTC), so instances' clocks never matter.
// The rules (which limit, how many points) live in lib/auth/rate-limit.ts.
import "server-only";
import { run, statement } from "./statements";

/** The counter after a hit, or as it stands. */
export interface RateCounter {
  points: number;
  /** Milliseconds until the window ends (0 for a counter without an expiry). */
  msLeft: number;
}

const NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * The upsert counting one hit, for `INSERT INTO "RateLimit" AS r (key, points, expire) <source>`: `source` gives
 * (key, 1, expire) rows. Shared with the send statement (./message-send.ts), which counts its hits in the same
 * statement that stores the message. Returns the counter as `points` and `msLeft`.
 */
export function rateLimitHitSql(source: string): string {
  return `INSERT INTO "RateLimit" AS r (key, points, expire) ${source}
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN r.expire IS NOT NULL AND r.expire <= ${NOW} THEN 1 ELSE r.points + 1 END,
      expire = CASE WHEN r.expire IS NOT NULL AND r.expire <= ${NOW} THEN EXCLUDED.expire ELSE r.expire END
    RETURNING r.points, COALESCE(GREATEST(0, extract(epoch FROM r.expire - ${NOW}) * 1000), 0)::float8 AS "msLeft"`;
}

/** `expire` for a window of `$n` seconds from now. */
export const windowEndSql = (param: string) => `${NOW} + ${param}::int * interval '1 second'`;

const HIT = statement("rate_limit_hit", rateLimitHitSql(`VALUES ($1, 1, ${windowEndSql("$2")})`));
const EXPIRED = `(r.expire IS NOT NULL AND r.expire <= ${NOW})`;
// Like HIT, but the DO UPDATE's WHERE leaves a full counter as it is: then no row comes back. The row lock makes the
// check and the increment one step, so concurrent callers can never take more than `$3` points between them.
const CONSUME = statement(
  "rate_limit_consume",
  `INSERT INTO "RateLimit" AS r (key, points, expire) VALUES ($1, 1, ${windowEndSql("$2")})
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN ${EXPIRED} THEN 1 ELSE r.points + 1 END,
      expire = CASE WHEN ${EXPIRED} THEN EXCLUDED.expire ELSE r.expire END
    WHERE ${EXPIRED} OR r.points < $3
    RETURNING r.points`,
);
// Only within a window still open: a point taken in a window that has since ended is not owed to the next one.
const REFUND = statement(
  "rate_limit_refund",
  `UPDATE "RateLimit" SET points = points - 1 WHERE key = $1 AND points > 0 AND (expire IS NULL OR expire > ${NOW})`,
);
const PEEK = statement(
  "rate_limit_peek",
  `SELECT points, COALESCE(GREATEST(0, extract(epoch FROM expire - ${NOW}) * 1000), 0)::float8 AS "msLeft"
   FROM "RateLimit" WHERE key = $1 AND (expire IS NULL OR expire > ${NOW})`,
);
const RESET = statement("rate_limit_reset", `DELETE FROM "RateLimit" WHERE key = $1`);

/** Counts one hit against `key` (a window of `durationSeconds` starts with the first); the counter after it. */
export async function hitRateCounter({ key, durationSeconds }: { key: string; durationSeconds: number }) {
  const [row] = await run<RateCounter>(HIT, [key, durationSeconds]);
  if (!row) throw new Error(`rate limit upsert for ${key} returned nothing`);
  return row;
}

/**
 * Takes one point from `key` if fewer than `points` are taken in its window (a window of `durationSeconds` starts with
 * the first); false, taking nothing, when it is full.
 */
export async function consumeRateCounter({
  key,
  points,
  durationSeconds,
}: {
  key: string;
  points: number;
  durationSeconds: number;
}): Promise<boolean> {
  return (await run(CONSUME, [key, durationSeconds, points])).length > 0;
}

/** Gives back one point taken by consumeRateCounter (an attempt that turned out not to count). */
export async function refundRateCounter({ key }: { key: string }): Promise<void> {
  await run(REFUND, [key]);
}

/** The counter of a window still open, or null. */
export async function findRateCounter({ key }: { key: string }): Promise<RateCounter | null> {
  const [row] = await run<RateCounter>(PEEK, [key]);
  return row ?? null;
}

export async function deleteRateCounter({ key }: { key: string }): Promise<void> {
  await run(RESET, [key]);
}
