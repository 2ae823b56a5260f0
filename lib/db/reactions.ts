// Reactions: the gate a reaction passes (room, the member's rate limit and restrictions, in one statement), the change
// itself in a short transaction, and the summaries history pages carry (./message-rows.ts reactionsColumn). All on the
// pool (./statements.ts): a reaction is as frequent as a message. The rules: lib/chat/reactions.ts.
import "server-only";
import type { RestrictionKind } from "./generated/prisma/enums";
import { rateLimitHitSql, windowEndSql, type RateCounter } from "./rate-limits";
import { inTransaction, run, statement } from "./statements";

export interface ReactionGate {
  /** Null when no room has this slug. */
  room: { id: string; locked: boolean } | null;
  /** The member's reaction counter after this hit. */
  counter: RateCounter;
  /** The member's restrictions in this room in force at `now`. */
  restrictions: Array<{ kind: RestrictionKind; until: Date | null; reason: string }>;
}

interface GateRow {
  roomId: string | null;
  locked: boolean | null;
  points: number;
  msLeft: number;
  restrictions: Array<{ kind: RestrictionKind; until: string | null; reason: string }> | null;
}

const GATE = statement(
  "reaction_gate",
  `WITH room AS (
    SELECT id, "lockedAt" IS NOT NULL AS locked FROM "Room" WHERE slug = $1
  ), hit AS (
    ${rateLimitHitSql(`VALUES ($3, 1, ${windowEndSql("$4")})`)}
  ), restriction AS (
    SELECT rr.kind::text AS kind, rr.until AT TIME ZONE 'UTC' AS until, rr.reason
    FROM "RoomRestriction" rr JOIN room ON rr."roomId" = room.id
    WHERE rr."userId" = $2 AND (rr.until IS NULL OR rr.until > ($5::timestamptz AT TIME ZONE 'UTC'))
  )
  SELECT (SELECT id FROM room) AS "roomId", (SELECT locked FROM room) AS locked, hit.points, hit."msLeft",
         (SELECT json_agg(restriction) FROM restriction) AS restrictions
  FROM hit`,
);

/** Counts the member's hit (row key `limit.key`) and reads the room by slug with the member's restrictions. */
export async function passReactionGate({
  slug,
  userId,
  limit,
  now,
}: {
  slug: string;
  userId: string;
  limit: { key: string; durationSeconds: number };
  now: Date;
}): Promise<ReactionGate> {
  const [row] = await run<GateRow>(GATE, [slug, userId, limit.key, limit.durationSeconds, now.toISOString()]);
  if (!row) throw new Error("reaction_gate returned no row");
  return {
    room: row.roomId === null ? null : { id: row.roomId, locked: row.locked === true },
    counter: { points: row.points, msLeft: row.msLeft },
    restrictions: (row.restrictions ?? []).map((r) => ({ ...r, until: r.until === null ? null : new Date(r.until) })),
  };
}

/** One kind of reaction on a message as stored: `mine` says whether `viewerId` is among them. */
export interface StoredReactionGroup {
  emoji: string;
  count: number;
  /** The earliest to react, up to the asked-for number. */
  reactors: Array<{ name: string; username: string }>;
  mine: boolean;
}

export type ReactionChange =
  | { refused: "message_missing" | "message_deleted" | "kinds_limit" }
  | {
      changed: boolean;
      group: StoredReactionGroup | null;
      /** Taken under the message's turn: a later change of the message has a higher number. */
      version: number;
    };

// The message's row is share-locked, so a concurrent delete waits for this change and then removes it with the rest
// (./messages.ts softDeleteMessage); a change to an already deleted message finds it deleted. Changes to one message
// take turns on an advisory lock, so the count of kinds is exact and each change reads the summary after the last;
// each takes its number from "ReactionChange_seq" during its turn, so the numbers follow the turns.
const MESSAGE = statement(
  "reaction_message",
  `SELECT "deletedAt" IS NOT NULL AS deleted, pg_advisory_xact_lock(hashtext('reaction'), id) IS NULL AS locked
   FROM "Message" WHERE id = $1 AND "roomId" = $2 FOR SHARE`,
);
const ADD = statement(
  "reaction_add",
  `WITH kinds AS (
    SELECT count(DISTINCT emoji)::int AS n, COALESCE(bool_or(emoji = $2), false) AS present
    FROM "Reaction" WHERE "messageId" = $1
  ), added AS (
    INSERT INTO "Reaction" ("messageId", emoji, "userId") SELECT $1, $2, $3 FROM kinds WHERE present OR n < $4
    ON CONFLICT DO NOTHING RETURNING 1
  )
  SELECT kinds.present OR kinds.n < $4 AS room, (SELECT count(*) FROM added)::int AS added,
         nextval('"ReactionChange_seq"')::text AS version
  FROM kinds`,
);
const REMOVE = statement(
  "reaction_remove",
  `WITH removed AS (
    DELETE FROM "Reaction" WHERE "messageId" = $1 AND emoji = $2 AND "userId" = $3 RETURNING 1
  )
  SELECT (SELECT count(*) FROM removed)::int AS removed, nextval('"ReactionChange_seq"')::text AS version`,
);
// Each kind of a message's reactions ($2: one kind, or null for all) with its count, whether $3 is among them, and the
// earliest $4 by name; in the order the kinds were first used.
const GROUP = statement(
  "reaction_groups",
  `SELECT r.emoji, count(*)::int AS count, COALESCE(bool_or(r."userId" = $3::text), false) AS mine,
     (array_agg(json_build_object('name', u.name, 'username', u.username) ORDER BY r."createdAt", r."userId"))[1:$4]
       AS reactors
   FROM "Reaction" r JOIN "User" u ON u.id = r."userId"
   WHERE r."messageId" = $1 AND ($2::text IS NULL OR r.emoji = $2::text)
   GROUP BY r.emoji ORDER BY min(r."createdAt"), r.emoji`,
);
const MESSAGE_IN_ROOM = statement(
  "reaction_message_in_room",
  `SELECT "deletedAt" IS NOT NULL AS deleted FROM "Message" WHERE id = $1 AND "roomId" = $2`,
);

/**
 * Adds (`on`) or removes the member's reaction with `emoji` to message `messageId` of room `roomId`, unless the message
 * is not in the room, is deleted, or (a kind it does not hold yet) already holds `kindsLimit` kinds. Adding what is
 * there or removing what is not changes nothing. Answers the emoji's summary afterwards (null once nobody holds it).
 */
export async function changeReaction({
  roomId,
  messageId,
  userId,
  emoji,
  on,
  kindsLimit,
  reactorNames,
}: {
  roomId: string;
  messageId: number;
  userId: string;
  emoji: string;
  on: boolean;
  kindsLimit: number;
  reactorNames: number;
}): Promise<ReactionChange> {
  return inTransaction(async (client) => {
    const [message] = await run<{ deleted: boolean }>(MESSAGE, [messageId, roomId], client);
    if (!message) return { refused: "message_missing" };
    if (message.deleted) return { refused: "message_deleted" };
    let changed: boolean;
    let version: string;
    if (on) {
      const [add] = await run<{ room: boolean; added: number; version: string }>(
        ADD,
        [messageId, emoji, userId, kindsLimit],
        client,
      );
      if (!add?.room) return { refused: "kinds_limit" };
      changed = add.added === 1;
      version = add.version;
    } else {
      const [remove] = await run<{ removed: number; version: string }>(REMOVE, [messageId, emoji, userId], client);
      changed = remove?.removed === 1;
      version = remove?.version ?? "0";
    }
    const [group] = await run<StoredReactionGroup>(GROUP, [messageId, emoji, userId, reactorNames], client);
    return { changed, group: group ?? null, version: Number(version) };
  });
}

/**
 * Every kind of reaction on message `messageId` of room `roomId`, each naming its earliest `reactorNames` (what a
 * tooltip asks for); `mine` for `viewerId`. Null when the room holds no such message; "deleted" for a deleted one.
 */
export async function listMessageReactions({
  roomId,
  messageId,
  viewerId,
  reactorNames,
}: {
  roomId: string;
  messageId: number;
  viewerId: string | null;
  reactorNames: number;
}): Promise<StoredReactionGroup[] | "deleted" | null> {
  const [message] = await run<{ deleted: boolean }>(MESSAGE_IN_ROOM, [messageId, roomId]);
  if (!message) return null;
  if (message.deleted) return "deleted";
  return run<StoredReactionGroup>(GROUP, [messageId, null, viewerId, reactorNames]);
}
