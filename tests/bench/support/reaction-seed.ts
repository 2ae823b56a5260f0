// Reactions for the history benchmark, made inside PostgreSQL over the messages and users bulk-seed.ts made (one
// INSERT … SELECT, no round trip per row). Deterministic like the rest of the bulk seed: every pick is a hash of the
// message id and the reaction's number. Code from before reactions (no "Reaction" table) gets none, so the same bench
// runs on both sides of the issue 16 comparison.
import { readFileSync } from "node:fs";
import type pg from "pg";

export interface ReactionSeed {
  /** Rows stored (a repeated (message, emoji, member) is stored once). */
  reactions: number;
  messages: number;
  /** The most kinds one message holds. */
  maxKinds: number;
  ms: number;
}

/** Of the reactions, this share is one of the quick set; the rest come from a long tail of the catalogue. */
const QUICK_SHARE = 0.85;
/** Kinds from the catalogue's tail a message can hold, so that with the quick set it stays within the 20 kinds. */
const TAIL_KINDS = 14;

// A uniform number in [0, 1) from a hash of the message id, the reaction's number and a salt (hashint8 is an int4).
const uniform = (reaction: string, salt: number) =>
  `((hashint8(m.id::int8 * 1048576 + (${reaction})::int8 * 64 + ${salt})::int8 + 2147483648)::float8 / 4294967296)`;

/** The "Reaction" table exists (it does from issue 16 on). */
export async function hasReactionTable(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(`SELECT to_regclass('"Reaction"') IS NOT NULL AS found`);
  return rows[0]?.found === true;
}

/**
 * On average `perMessage` reactions on each message, by the seeded users ("bu1"…"bu<users>"); null when the code has
 * no reactions. A message's number of reactions is geometric (most have a few, some many: chat is like that), its
 * emoji mostly the quick set, 👍️ first, the rest from up to TAIL_KINDS kinds of the catalogue (smileys, its first
 * group, most often), so no message holds more kinds than the app allows.
 */
export async function seedReactions(
  client: pg.Client,
  { perMessage, users }: { perMessage: number; users: number },
): Promise<ReactionSeed | null> {
  if (!(await hasReactionTable(client))) return null;
  // Imported here: the code before issue 16 has neither, and this bench must still run there.
  const { QUICK_REACTIONS, REACTION_KINDS_LIMIT } = await import("../../../lib/reactions/reaction-rules");
  const catalog = JSON.parse(
    readFileSync(new URL("../../../lib/reactions/emoji-catalog.json", import.meta.url), "utf8"),
  ) as { emoji: Array<[string, ...unknown[]]> };
  if (QUICK_REACTIONS.length + TAIL_KINDS > REACTION_KINDS_LIMIT)
    throw new Error("the seed would pass the kinds limit");
  const tail = catalog.emoji.map(([emoji]) => emoji);
  // A geometric count with mean `perMessage`: floor(-ln(1 - u) / ln(1 + 1/mean)).
  const scale = 1 / Math.log(1 + 1 / perMessage);

  const started = performance.now();
  const skipTriggers = await client.query("SET session_replication_role = replica").then(
    () => true,
    () => false,
  );
  // Each message's emoji: a quick one (skewed to the front of the set: 👍️ about 40%), or its tail slot t's emoji,
  // picked per message and slot with a skew to the catalogue's front. Members by hash; a repeat is dropped.
  await client.query(
    `INSERT INTO "Reaction" ("messageId", emoji, "userId", "createdAt")
     SELECT m.id,
            CASE WHEN ${uniform("r", 1)} < $3
                 THEN ($1::text[])[1 + floor(cardinality($1::text[]) * power(${uniform("r", 2)}, 2))::int]
                 ELSE ($2::text[])[1 + floor(cardinality($2::text[]) * power(${uniform("floor(" + uniform("r", 3) + " * $4)", 4)}, 3))::int]
            END,
            'bu' || (1 + floor(${uniform("r", 5)} * $5)::int),
            m."createdAt" + (1 + r) * interval '7 seconds'
     FROM "Message" m,
          generate_series(1, floor(-ln(1 - ${uniform("0", 6)}) * $6)::int) AS r
     ON CONFLICT DO NOTHING`,
    [QUICK_REACTIONS, tail, QUICK_SHARE, TAIL_KINDS, users, scale],
  );
  if (skipTriggers) await client.query("RESET session_replication_role");
  await client.query(`VACUUM ANALYZE "Reaction"`);
  const { rows } = await client.query<{ reactions: number; messages: number; maxKinds: number }>(
    `SELECT (SELECT count(*) FROM "Reaction")::int AS reactions, (SELECT count(*) FROM "Message")::int AS messages,
            COALESCE((SELECT max(n) FROM (SELECT count(DISTINCT emoji) AS n FROM "Reaction" GROUP BY "messageId") k), 0)::int
              AS "maxKinds"`,
  );
  const row = rows[0] ?? { reactions: 0, messages: 0, maxKinds: 0 };
  return { ...row, ms: performance.now() - started };
}
