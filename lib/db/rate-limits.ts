// Rate-limit counters in PostgreSQL ("RateLimit": key, points, expire), shared by every app instance. One upsert per
// hit: the row lock of INSERT … ON CONFLICT DO UPDATE makes concurrent hits count exactly, and a window whose expiry
// has passed starts afresh in the same statement. Times are the database's (UTC), so instances' clocks never matter.
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
 * (key, 1, expire) rows. Shared with the send statement (./message-send.ts), which counts its hit in the same
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

/** The counter of a window still open, or null. */
export async function findRateCounter({ key }: { key: string }): Promise<RateCounter | null> {
  const [row] = await run<RateCounter>(PEEK, [key]);
  return row ?? null;
}

export async function deleteRateCounter({ key }: { key: string }): Promise<void> {
  await run(RESET, [key]);
}
