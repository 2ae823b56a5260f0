// Reports of messages: storing a member's report (one per member per message), the moderators' open queue with each
// message in context, and resolving every open report of a message at once. The rules: lib/moderation/reports.ts.
import "server-only";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import type { ReportOutcome, ReportReason, Role } from "./generated/prisma/enums";

export type { ReportOutcome, ReportReason };

type Tx = Prisma.TransactionClient;

export type ReportCreation =
  { refused: "message_missing" | "message_deleted" | "own_message" | "already_reported" } | { reportId: string };

/**
 * Stores the member's report of message `messageId` of room `roomId`. The message row is share-locked, so a concurrent
 * delete waits and then resolves this report with the others; a second report by the same member (a double submit,
 * two tabs) finds the unique (messageId, reporterId) and is refused rather than stored twice.
 */
export async function createReport({
  roomId,
  messageId,
  reporterId,
  reason,
  note,
}: {
  roomId: string;
  messageId: number;
  reporterId: string;
  reason: ReportReason;
  note: string;
}): Promise<ReportCreation> {
  return db.$transaction(async (tx) => {
    const [message] = await tx.$queryRaw<Array<{ deleted: boolean; authorId: string | null }>>`
      SELECT "deletedAt" IS NOT NULL AS deleted, "authorId" FROM "Message"
      WHERE id = ${messageId} AND "roomId" = ${roomId} FOR SHARE`;
    if (!message) return { refused: "message_missing" };
    if (message.deleted) return { refused: "message_deleted" };
    if (message.authorId === reporterId) return { refused: "own_message" };
    const [created] = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Report" (id, "messageId", "reporterId", reason, note)
      VALUES (${crypto.randomUUID().replaceAll("-", "")}, ${messageId}, ${reporterId}, ${reason}::"ReportReason", ${note})
      ON CONFLICT ("messageId", "reporterId") DO NOTHING RETURNING id`;
    return created ? { reportId: created.id } : { refused: "already_reported" };
  });
}

/**
 * Resolves every open report of the messages `messageIds` with `outcome`, inside the caller's transaction (a deletion,
 * a mute or ban, a dismissal). Answers whose reports were resolved, so their reporters can be told.
 */
export async function resolveOpenReports(
  tx: Tx,
  { messageIds, outcome, byId }: { messageIds: number[] | Prisma.Sql; outcome: ReportOutcome; byId: string | null },
): Promise<string[]> {
  const ids = Array.isArray(messageIds) ? Prisma.join(messageIds.length ? messageIds : [0]) : messageIds;
  const rows = await tx.$queryRaw<Array<{ reporterId: string }>>`
    UPDATE "Report" SET "resolvedAt" = now(), outcome = ${outcome}::"ReportOutcome", "resolvedById" = ${byId}
    WHERE "resolvedAt" IS NULL AND "messageId" IN (${ids})
    RETURNING "reporterId"`;
  return rows.map((row) => row.reporterId);
}

/** The reported message a queue action is about, with its author's rank and how many reports are open. */
export interface ReportTarget {
  messageId: number;
  body: string;
  deleted: boolean;
  room: { id: string; slug: string; name: string };
  author: { id: string; username: string; role: Role } | null;
  openReports: number;
}

export async function findReportTarget({ messageId }: { messageId: number }): Promise<ReportTarget | null> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      body: true,
      deletedAt: true,
      room: { select: { id: true, slug: true, name: true } },
      author: { select: { id: true, username: true, role: true } },
      _count: { select: { reports: { where: { resolvedAt: null } } } },
    },
  });
  if (!message) return null;
  return {
    messageId: message.id,
    body: message.body,
    deleted: message.deletedAt !== null,
    room: message.room,
    author: message.author,
    openReports: message._count.reports,
  };
}

/** Resolves the message's open reports as dismissed and writes `audit` when there were any, in one transaction. */
export async function dismissReports({
  messageId,
  byId,
  audit,
}: {
  messageId: number;
  byId: string;
  audit: AuditEntryInput;
}): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const reporterIds = await resolveOpenReports(tx, { messageIds: [messageId], outcome: "DISMISSED", byId });
    if (reporterIds.length > 0) await writeAuditEntry(audit, tx);
    return reporterIds;
  });
}

/** One open report as the queue shows it. */
export interface QueuedReport {
  username: string;
  name: string;
  reason: ReportReason;
  note: string;
  createdAt: string;
}

/** A message of the room around the reported one (live ones only). */
export interface ContextMessage {
  id: number;
  body: string;
  createdAt: string;
  username: string | null;
}

/** A reported message with its open reports, oldest report first. */
export interface QueueEntry {
  messageId: number;
  body: string;
  createdAt: Date;
  room: { slug: string; name: string };
  author: { id: string; username: string; name: string; role: Role } | null;
  firstReportedAt: Date;
  count: number;
  reports: QueuedReport[];
  before: ContextMessage[];
  after: ContextMessage[];
}

interface QueueRow {
  messageId: number;
  body: string;
  createdAt: Date;
  roomSlug: string;
  roomName: string;
  authorId: string | null;
  authorUsername: string | null;
  authorName: string | null;
  authorRole: Role | null;
  first: Date;
  count: number;
  reports: QueuedReport[];
  before: ContextMessage[] | null;
  after: ContextMessage[] | null;
}

/**
 * The open queue: reported messages by their oldest open report (the longest waiting first), then id; `after` is the
 * last entry of the previous page. Each carries `around` live messages of the room before and after it.
 */
export async function listReportQueue({
  take = 20,
  around = 2,
  after,
}: {
  take?: number;
  around?: number;
  after?: { firstReportedAt: Date; messageId: number };
} = {}): Promise<{ entries: QueueEntry[]; hasMore: boolean }> {
  const cursor = after
    ? Prisma.sql`WHERE (first, "messageId") > (${after.firstReportedAt}, ${after.messageId})`
    : Prisma.empty;
  const context = (where: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`(
    SELECT json_agg(c ORDER BY c.id) FROM (
      SELECT x.id, x.body, x."createdAt", xu.username FROM "Message" x LEFT JOIN "User" xu ON xu.id = x."authorId"
      WHERE x."roomId" = m."roomId" AND x."deletedAt" IS NULL AND ${where} ORDER BY x.id ${order} LIMIT ${around}
    ) c)`;
  const rows = await db.$queryRaw<QueueRow[]>`
    WITH open AS (
      SELECT r."messageId", min(r."createdAt") AS first, count(*)::int AS count,
        json_agg(json_build_object('username', u.username, 'name', u.name, 'reason', r.reason, 'note', r.note,
          'createdAt', r."createdAt") ORDER BY r."createdAt") AS reports
      FROM "Report" r JOIN "User" u ON u.id = r."reporterId"
      WHERE r."resolvedAt" IS NULL GROUP BY r."messageId"
    ), page AS (
      SELECT * FROM open ${cursor} ORDER BY first, "messageId" LIMIT ${take + 1}
    )
    SELECT page."messageId", m.body, m."createdAt", room.slug AS "roomSlug", room.name AS "roomName",
      a.id AS "authorId", a.username AS "authorUsername", a.name AS "authorName", a.role::text AS "authorRole",
      page.first, page.count, page.reports,
      ${context(Prisma.sql`x.id < m.id`, Prisma.sql`DESC`)} AS before,
      ${context(Prisma.sql`x.id > m.id`, Prisma.sql`ASC`)} AS after
    FROM page JOIN "Message" m ON m.id = page."messageId" JOIN "Room" room ON room.id = m."roomId"
    LEFT JOIN "User" a ON a.id = m."authorId"
    ORDER BY page.first, page."messageId"`;
  return {
    hasMore: rows.length > take,
    entries: rows.slice(0, take).map((row) => ({
      messageId: row.messageId,
      body: row.body,
      createdAt: row.createdAt,
      room: { slug: row.roomSlug, name: row.roomName },
      author:
        row.authorId && row.authorUsername && row.authorName && row.authorRole
          ? { id: row.authorId, username: row.authorUsername, name: row.authorName, role: row.authorRole }
          : null,
      firstReportedAt: row.first,
      count: row.count,
      reports: row.reports,
      before: row.before ?? [],
      after: row.after ?? [],
    })),
  };
}

/** How many messages wait in the queue (the dashboard's figure). */
export async function countReportedMessages(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(DISTINCT "messageId")::int AS n FROM "Report" WHERE "resolvedAt" IS NULL`;
  return row?.n ?? 0;
}

/** The messages of room `roomId` that `reporterId` reported, newest first (at most `take`): their Report tool stays
 * "Reported" after a reload. */
export async function listReportedMessageIds({
  reporterId,
  roomId,
  take,
}: {
  reporterId: string;
  roomId: string;
  take: number;
}): Promise<number[]> {
  const rows = await db.report.findMany({
    where: { reporterId, message: { roomId } },
    select: { messageId: true },
    orderBy: { messageId: "desc" },
    take,
  });
  return rows.map((row) => row.messageId);
}
