// The send path's one statement: checks the sender's device session (when given), finds the room by slug, counts the
// member's rate-limit hits, reads the lock and the member's restrictions, takes the member's slow-mode turn, and
// stores the message (with the participant, read position, room activity and the inbox entries of the people it
// mentions or replies to) when all of them allow it, else finds the message this client key stored before.
// Every live message runs it, so it is one round trip on the pool (./statements.ts), not five Prisma calls. The rules
// stay in lib: lib/chat/messages.ts decides what the outcome means, lib/moderation/posting-rule.ts words a refusal.
import "server-only";
import type { NotificationKind, RestrictionKind } from "./generated/prisma/enums";
import type { RawAuthorColumns } from "./message-author";
import { QUOTE_COLUMNS, QUOTE_JOINS, type RawQuoteColumns } from "./message-rows";
import { fromRawRow, type StoredMessage } from "./messages";
import { rateLimitHitSql, windowEndSql, type RateCounter } from "./rate-limits";
import { run, statement } from "./statements";
import { SLOW_MODE_MAX_SECONDS } from "../validation/slow-mode";

export interface SendStatementInput {
  slug: string;
  authorId: string;
  body: string;
  clientKey: string;
  /** The application's clock: the message's createdAt and the moment restrictions are judged at. */
  now: Date;
  /** The rate limit's row key up to the room id (`messagePost:<userId>:`), its points and window. */
  limit: { keyPrefix: string; points: number; durationSeconds: number };
  /** The member's limit across rooms: its whole row key (`messagePostMember:<userId>`), points and window. */
  memberLimit: { key: string; points: number; durationSeconds: number };
  /** Slow mode: the turn row's key up to the room id (`slowMode:<userId>:`). The room's host, moderators and admins
   * are exempt (the statement reads who they are). */
  slowMode: { keyPrefix: string };
  /**
   * The device session the sender's cookie names, checked here rather than by a statement of its own: it must be
   * theirs, live (idle and absolute limits) and of the user's current session version. Null for a sender the caller
   * already checked.
   */
  session: { id: string; version: number; idleSeconds: number; lifetimeSeconds: number } | null;
  /** The message this one replies to (any id: the statement checks it is of this room and not deleted), or null. */
  replyTo: number | null;
  /** The usernames the body mentions (lower-case): those of active members are stored and notified. */
  mentions: string[];
  /** Asked with "Ask": a new message is stored as a question too (lib/questions). */
  question?: boolean;
}

/** Who sent it, as the statement found them: null when no such user, or their session is not live (a 401). */
export interface SendCaller {
  verified: boolean;
  deactivated: boolean;
  /** The session was last marked used over a minute ago: the caller marks it now. */
  stale: boolean;
}

export interface SendOutcome {
  caller: SendCaller | null;
  /** Null when no room has the slug. */
  room: { id: string; locked: boolean; slowModeSeconds: number } | null;
  /** The member's rate-limit counter in this room after this hit. */
  counter: RateCounter;
  /** The member's counter across rooms after this hit. */
  memberCounter: RateCounter;
  /** Refused by the room's slow mode: milliseconds until the member's next turn; null when not refused by it. */
  slowModeMsLeft: number | null;
  /** The member's restrictions in force at `now` (a mute without an end among them: the rule ignores it). */
  restrictions: Array<{ kind: RestrictionKind; until: Date | null; reason: string }>;
  /** Stored now (`created`), or stored before under this client key (any room; perhaps deleted). */
  message: { message: StoredMessage; created: boolean } | null;
  /** With `replyTo`: whether the original is a message of this room, and deleted. Null without `replyTo`. */
  reply: { inRoom: boolean; deleted: boolean } | null;
  /** The message was stored as a question by this send. */
  asked: boolean;
  /** Who this send put a notification in the inbox of (the people it mentions, the author it replies to). */
  notified: Array<{ userId: string; kind: NotificationKind }>;
}

interface Row extends RawAuthorColumns, RawQuoteColumns {
  callerFound: boolean;
  callerVerified: boolean | null;
  callerDeactivated: boolean | null;
  callerStale: boolean | null;
  roomId: string | null;
  locked: boolean | null;
  slowModeSeconds: number | null;
  points: number | null;
  msLeft: number | null;
  memberPoints: number | null;
  memberMsLeft: number | null;
  slowRefused: boolean | null;
  slowMsLeft: number | null;
  restrictions: Array<{ kind: RestrictionKind; until: string | null; reason: string }> | null;
  replyInRoom: boolean | null;
  replyDeleted: boolean | null;
  created: boolean | null;
  id: number | null;
  messageRoomId: string | null;
  body: string | null;
  mentions: string[] | null;
  notified: Array<{ userId: string; kind: NotificationKind }> | null;
  asked: boolean | null;
  createdAt: Date | null;
  editedAt: Date | null;
  deletedAt: Date | null;
}

const NOW = `($5::timestamptz AT TIME ZONE 'UTC')`;
// The database's clock for the device session's limits, as the session check (lib/db/users.ts) reads them.
const DB_NOW = `(now() AT TIME ZONE 'UTC')`;
const SECONDS = (n: string) => `${n} * interval '1 second'`;
// A slow-mode turn row ("RateLimit": `slowMode:<userId>:<roomId>`) keeps the member's last send as expire minus the
// longest choice, so a host who shortens or lengthens the wait changes every member's next turn at once, and the row
// expires only when no choice could still hold the member back.
const LAST_SEND = `(r.expire - ${SECONDS(String(SLOW_MODE_MAX_SECONDS))})`;
const NEXT_TURN = `(${LAST_SEND} + ${SECONDS("(SELECT slow FROM gate)")})`;

// Each CTE that writes reads the one before, so rows lock rate limits → message → participant → room: the room's
// rate-limit row, then the member's (member_hit reads hit, so always in that order, and no other statement locks
// either), then the slow-mode turn, and the rest is the order of every membership change (lib/db/participants.ts),
// so concurrent sends never deadlock. The insert's condition mirrors postingRule (lock, then a ban, then a mute with
// an end); lib/chat reads the lock and restrictions returned here through that rule. Slow mode cannot read the
// member's last message (a concurrent send commits after this statement's snapshot): its turn is an upsert, whose
// row lock makes concurrent sends take turns and whose DO UPDATE sees the latest row, so exactly one of them gets
// the turn (points 0) and the rest count a refusal. A client key already stored takes no turn (a retry is answered).
// The host (hostId), moderators and admins are exempt. The sender ($2) must be verified and active, and with a
// session ($13: its id; $15 the cookie's session version, $16/$17 the idle and absolute limits in seconds) hold it
// live: otherwise nothing is counted or stored, and the caller answers 401 or 403 from `caller`. A reply ($14) passes
// the gate only when its original is a live message of this room; the original is not locked (a delete racing the
// send only makes the quote read "deleted" from then on). `existing` sees the statement's snapshot: a row a concurrent
// send committed meanwhile is found by findMessageByClientKey afterwards. Timestamps leave as timestamptz (AT TIME
// ZONE 'UTC'), so pg reads them right whatever the process's time zone. A new message stores which of the mentioned
// usernames ($18) name active members, and puts one inbox entry in each of theirs and in its original's author's (a
// reply, not also a mention), never the sender's; a retry notifies no one again. Asked as a question ($19), a new
// message gets its Question row in the same statement.
const SEND = statement(
  "message_send",
  `WITH caller AS (
    SELECT u.role::text AS role, u."emailVerifiedAt" IS NOT NULL AS verified, u."deactivatedAt" IS NOT NULL AS deactivated,
           COALESCE(s."lastSeenAt" < ${DB_NOW} - interval '1 minute', false) AS stale
    FROM "User" u LEFT JOIN "UserSession" s ON s.id = $13::text AND s."userId" = u.id
    WHERE u.id = $2 AND ($13::text IS NULL OR (s.id IS NOT NULL AND u."sessionVersion" = $15::int
      AND s."lastSeenAt" > ${DB_NOW} - make_interval(secs => $16::int)
      AND s."createdAt" > ${DB_NOW} - make_interval(secs => $17::int)))
  ), poster AS (
    SELECT role FROM caller WHERE verified AND NOT deactivated
  ), room AS (
    SELECT id, "lockedAt" IS NOT NULL AS locked, "slowModeSeconds",
           CASE WHEN "hostId" = $2 OR (SELECT role FROM poster) <> 'MEMBER' THEN 0 ELSE "slowModeSeconds" END AS slow
    FROM "Room" WHERE slug = $1
  ), hit AS (
    ${rateLimitHitSql(`SELECT $6 || room.id, 1, ${windowEndSql("$8")} FROM room, poster`)}
  ), member_hit AS (
    ${rateLimitHitSql(`SELECT $9, 1, ${windowEndSql("$11")} FROM hit`)}
  ), restriction AS (
    SELECT rr.kind::text AS kind, rr.until AT TIME ZONE 'UTC' AS until, rr.reason
    FROM "RoomRestriction" rr JOIN room ON rr."roomId" = room.id
    WHERE rr."userId" = $2 AND (rr.until IS NULL OR rr.until > ${NOW})
  ), original AS (
    SELECT "roomId" = (SELECT id FROM room) AS "inRoom", "deletedAt" IS NOT NULL AS deleted
    FROM "Message" WHERE id = $14::int
  ), gate AS (
    SELECT room.id, room.slow FROM room, hit, member_hit
    WHERE NOT room.locked AND hit.points <= $7 AND member_hit.points <= $10
      AND NOT EXISTS (SELECT 1 FROM restriction WHERE kind = 'BAN' OR (kind = 'MUTE' AND until IS NOT NULL))
      AND ($14::int IS NULL OR EXISTS (SELECT 1 FROM original WHERE "inRoom" AND NOT deleted))
  ), turn AS (
    INSERT INTO "RateLimit" AS r (key, points, expire)
    SELECT $12 || gate.id, 0, ${NOW} + ${SECONDS(String(SLOW_MODE_MAX_SECONDS))} FROM gate
    WHERE gate.slow > 0 AND NOT EXISTS (SELECT 1 FROM "Message" WHERE "authorId" = $2 AND "clientKey" = $4)
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN r.expire IS NULL OR ${NEXT_TURN} <= ${NOW} THEN 0 ELSE r.points + 1 END,
      expire = CASE WHEN r.expire IS NULL OR ${NEXT_TURN} <= ${NOW} THEN EXCLUDED.expire ELSE r.expire END
    RETURNING r.points > 0 AS refused,
      -- At most the whole wait: a send whose clock read came before the turn's holder's would otherwise wait longer.
      LEAST(GREATEST(0, extract(epoch FROM ${NEXT_TURN} - ${NOW}) * 1000), (SELECT slow FROM gate) * 1000)::float8
        AS "msLeft"
  ), allowed AS (
    SELECT gate.id FROM gate WHERE NOT EXISTS (SELECT 1 FROM turn WHERE refused)
  ), mentioned AS (
    SELECT id, username FROM "User" WHERE username = ANY($18::text[]) AND "deactivatedAt" IS NULL
  ), inserted AS (
    INSERT INTO "Message" ("roomId", "authorId", body, "clientKey", "createdAt", "replyToId", mentions)
    SELECT id, $2, $3, $4, ${NOW}, $14::int, ARRAY(SELECT username FROM mentioned ORDER BY username) FROM allowed
    ON CONFLICT ("authorId", "clientKey") DO NOTHING
    RETURNING id, "roomId", "authorId", body, "createdAt", "editedAt", "deletedAt", "replyToId", mentions
  ), reply_author AS (
    SELECT o."authorId" AS id FROM "Message" o JOIN "User" ru ON ru.id = o."authorId" AND ru."deactivatedAt" IS NULL
    WHERE o.id = $14::int
  ), notified AS (
    INSERT INTO "Notification" ("userId", kind, "messageId", "actorId", "createdAt")
    SELECT r.id, r.kind::"NotificationKind", i.id, i."authorId", i."createdAt"
    FROM inserted i, (
      SELECT id, 'REPLY' AS kind FROM reply_author
      UNION ALL
      SELECT id, 'MENTION' FROM mentioned WHERE id NOT IN (SELECT id FROM reply_author)
    ) r
    WHERE r.id <> i."authorId"
    ON CONFLICT ("userId", "messageId", kind) DO NOTHING
    RETURNING "userId", kind::text AS kind
  ), asked AS (
    INSERT INTO "Question" ("messageId", "roomId", "askerId", "createdAt")
    SELECT id, "roomId", "authorId", "createdAt" FROM inserted WHERE $19::boolean
    RETURNING "messageId"
  ), participant AS (
    INSERT INTO "Participant" ("roomId", "userId", "joinedAt", "lastReadMessageId")
    SELECT "roomId", "authorId", "createdAt", id FROM inserted
    ON CONFLICT ("roomId", "userId") DO UPDATE SET "lastReadMessageId" = EXCLUDED."lastReadMessageId"
      WHERE "Participant"."lastReadMessageId" IS NULL OR "Participant"."lastReadMessageId" < EXCLUDED."lastReadMessageId"
    RETURNING (xmax = 0) AS joined
  ), room_activity AS (
    UPDATE "Room" r
    SET "lastActivityAt" = GREATEST(r."lastActivityAt", inserted."createdAt"),
        "participantCount" = r."participantCount" + (SELECT count(*)::int FROM participant WHERE joined),
        "updatedAt" = inserted."createdAt"
    FROM inserted
    WHERE r.id = inserted."roomId"
    RETURNING r.id
  ), existing AS (
    SELECT id, "roomId", "authorId", body, "createdAt", "editedAt", "deletedAt", "replyToId", mentions
    FROM "Message" WHERE "authorId" = $2 AND "clientKey" = $4 AND EXISTS (SELECT 1 FROM poster)
  ), message AS (
    SELECT true AS created, * FROM inserted
    UNION ALL
    SELECT false AS created, * FROM existing
  )
  SELECT s."callerFound", s."callerVerified", s."callerDeactivated", s."callerStale", s."roomId", s.locked, s."slowModeSeconds", s.points, s."msLeft", s."memberPoints", s."memberMsLeft",
         s."slowRefused", s."slowMsLeft", s.restrictions, s."replyInRoom", s."replyDeleted", nt.notified,
         EXISTS (SELECT 1 FROM asked) AS asked,
         m.created, m.id, m."roomId" AS "messageRoomId", m.body, m.mentions,
         m."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
         m."editedAt" AT TIME ZONE 'UTC' AS "editedAt", m."deletedAt" AT TIME ZONE 'UTC' AS "deletedAt",
         u.id AS "authorId", u.username AS "authorUsername", u.name AS "authorName", u.image AS "authorImage",
         a."updatedAt" AT TIME ZONE 'UTC' AS "authorAvatarAt", ${QUOTE_COLUMNS}
  FROM (
    SELECT EXISTS (SELECT 1 FROM caller) AS "callerFound", (SELECT verified FROM caller) AS "callerVerified",
           (SELECT deactivated FROM caller) AS "callerDeactivated", (SELECT stale FROM caller) AS "callerStale",
           (SELECT id FROM room) AS "roomId", (SELECT locked FROM room) AS locked,
           (SELECT "slowModeSeconds" FROM room) AS "slowModeSeconds",
           (SELECT points FROM hit) AS points, (SELECT "msLeft" FROM hit) AS "msLeft",
           (SELECT points FROM member_hit) AS "memberPoints", (SELECT "msLeft" FROM member_hit) AS "memberMsLeft",
           (SELECT refused FROM turn) AS "slowRefused", (SELECT "msLeft" FROM turn) AS "slowMsLeft",
           (SELECT json_agg(restriction) FROM restriction) AS restrictions,
           (SELECT "inRoom" FROM original) AS "replyInRoom", (SELECT deleted FROM original) AS "replyDeleted"
  ) s
  -- Joined, not a scalar subquery of s: as one, it read no rows of the entries this statement had just stored.
  LEFT JOIN LATERAL (SELECT json_agg(n) AS notified FROM notified n) nt ON true
  LEFT JOIN (SELECT * FROM message ORDER BY created DESC LIMIT 1) m ON true
  LEFT JOIN "User" u ON u.id = m."authorId"
  LEFT JOIN "Avatar" a ON a."userId" = m."authorId"
  ${QUOTE_JOINS}`,
);

function storedMessage(row: Row): StoredMessage | null {
  const { id, messageRoomId: roomId, createdAt } = row;
  if (id === null || roomId === null || createdAt === null) return null;
  return fromRawRow({ ...row, id, roomId, createdAt, body: row.body ?? "" });
}

/**
 * One round trip for a send (see the statement). `caller` null: the sender or their session is not live; `room` null:
 * no room has this slug. Either way nothing is counted or stored.
 */
export async function runSendStatement(input: SendStatementInput): Promise<SendOutcome> {
  const { slug, authorId, body, clientKey, now, limit, memberLimit, slowMode, replyTo, session, mentions } = input;
  const question = input.question ?? false;
  const [row] = await run<Row>(SEND, [
    slug,
    authorId,
    body,
    clientKey,
    now.toISOString(),
    limit.keyPrefix,
    limit.points,
    limit.durationSeconds,
    memberLimit.key,
    memberLimit.points,
    memberLimit.durationSeconds,
    slowMode.keyPrefix,
    session?.id ?? null,
    replyTo,
    session?.version ?? null,
    session?.idleSeconds ?? null,
    session?.lifetimeSeconds ?? null,
    mentions,
    question,
  ]);
  if (!row) throw new Error("message_send returned no row");
  const message = storedMessage(row);
  const caller = row.callerFound
    ? {
        verified: row.callerVerified === true,
        deactivated: row.callerDeactivated === true,
        stale: row.callerStale === true,
      }
    : null;
  return {
    caller,
    room:
      row.roomId === null
        ? null
        : { id: row.roomId, locked: row.locked === true, slowModeSeconds: row.slowModeSeconds ?? 0 },
    counter: { points: row.points ?? 0, msLeft: row.msLeft ?? 0 },
    memberCounter: { points: row.memberPoints ?? 0, msLeft: row.memberMsLeft ?? 0 },
    slowModeMsLeft: row.slowRefused === true ? (row.slowMsLeft ?? 0) : null,
    restrictions: (row.restrictions ?? []).map((r) => ({
      kind: r.kind,
      until: r.until === null ? null : new Date(r.until),
      reason: r.reason,
    })),
    message: message ? { message, created: row.created === true } : null,
    reply: replyTo === null ? null : { inRoom: row.replyInRoom === true, deleted: row.replyDeleted === true },
    notified: row.notified ?? [],
    asked: row.asked === true,
  };
}
