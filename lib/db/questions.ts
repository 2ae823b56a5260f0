// Questions with accepted answers: marking a message as a question, accepting one of its replies (with the answerer's
// ACCEPTED inbox entry in the same transaction), the room's open and answered lists, a question's public page, the
// open counts of room cards, the sitemap's answered questions and the site search's matches. The rules (who may) live
// in lib/questions; deleting a message drops its question or reopens the question it answered (dropQuestionsOf).
import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";
import { MAX_MESSAGE_ID } from "../validation/messages";

/** A message a question operation names: its room, author and state (null when absent from that room). */
export interface QuestionTarget {
  id: number;
  authorId: string | null;
  deleted: boolean;
  replyToId: number | null;
  question: { askerId: string | null; acceptedAnswerId: number | null } | null;
}

/** The message of the room with its question state, or null when it is not a message of this room. */
export async function findQuestionTarget({
  roomId,
  messageId,
}: {
  roomId: string;
  messageId: number;
}): Promise<QuestionTarget | null> {
  if (messageId > MAX_MESSAGE_ID) return null;
  const row = await db.message.findFirst({
    where: { id: messageId, roomId },
    select: {
      id: true,
      authorId: true,
      deletedAt: true,
      replyToId: true,
      question: { select: { askerId: true, acceptedAnswerId: true } },
    },
  });
  if (!row) return null;
  const { deletedAt, ...rest } = row;
  return { ...rest, deleted: deletedAt !== null };
}

/**
 * Stores the live message as a question; false when it already was one, or is deleted by now. The message's share lock
 * makes a concurrent delete wait for this insert (its clean-up then removes the row) or this insert see the delete.
 */
export async function markQuestion({ roomId, messageId }: { roomId: string; messageId: number }): Promise<boolean> {
  const count = await db.$executeRaw`
    INSERT INTO "Question" ("messageId", "roomId", "askerId", "createdAt")
    SELECT id, "roomId", "authorId", "createdAt" FROM "Message"
    WHERE id = ${messageId} AND "roomId" = ${roomId} AND "deletedAt" IS NULL
    FOR SHARE
    ON CONFLICT ("messageId") DO NOTHING`;
  return count === 1;
}

/** Unmarks an open question; false when it was not a question or is answered (unaccept first). */
export async function unmarkQuestion({ roomId, messageId }: { roomId: string; messageId: number }): Promise<boolean> {
  const { count } = await db.question.deleteMany({ where: { messageId, roomId, acceptedAnswerId: null } });
  return count === 1;
}

export type AcceptOutcome =
  | { ok: true; changed: boolean; notified: string | null }
  | { refused: "not_question" | "question_deleted" | "not_reply" | "answer_deleted" };

/**
 * Accepts `answerId` for the question, in one transaction: the question's row lock orders concurrent accepts, the
 * answer's share lock a concurrent delete of it. The previous answer's ACCEPTED entry goes; the new answer's author
 * (unless it is the accepter, or deactivated) gets one. `notified` names them.
 */
export async function acceptAnswer({
  roomId,
  questionId,
  answerId,
  acceptedById,
  now = new Date(),
}: {
  roomId: string;
  questionId: number;
  answerId: number;
  acceptedById: string;
  now?: Date;
}): Promise<AcceptOutcome> {
  if (answerId > MAX_MESSAGE_ID || questionId > MAX_MESSAGE_ID) return { refused: "not_reply" };
  return db.$transaction(async (tx) => {
    const questions = await tx.$queryRaw<{ acceptedAnswerId: number | null; deleted: boolean }[]>`
      SELECT q."acceptedAnswerId", m."deletedAt" IS NOT NULL AS deleted
      FROM "Question" q JOIN "Message" m ON m.id = q."messageId"
      WHERE q."messageId" = ${questionId} AND q."roomId" = ${roomId} FOR UPDATE OF q`;
    const question = questions[0];
    if (!question) return { refused: "not_question" };
    if (question.deleted) return { refused: "question_deleted" };
    const answers = await tx.$queryRaw<{ authorId: string | null; deleted: boolean; active: boolean }[]>`
      SELECT m."authorId", m."deletedAt" IS NOT NULL AS deleted, COALESCE(u."deactivatedAt" IS NULL, false) AS active
      FROM "Message" m LEFT JOIN "User" u ON u.id = m."authorId"
      WHERE m.id = ${answerId} AND m."roomId" = ${roomId} AND m."replyToId" = ${questionId} FOR SHARE OF m`;
    const answer = answers[0];
    if (!answer) return { refused: "not_reply" };
    if (answer.deleted) return { refused: "answer_deleted" };
    if (question.acceptedAnswerId === answerId) return { ok: true, changed: false, notified: null };
    if (question.acceptedAnswerId !== null) {
      await tx.notification.deleteMany({ where: { messageId: question.acceptedAnswerId, kind: "ACCEPTED" } });
    }
    await tx.question.update({
      where: { messageId: questionId },
      data: { acceptedAnswerId: answerId, acceptedAt: now, acceptedById },
    });
    const notify = answer.authorId !== null && answer.active && answer.authorId !== acceptedById;
    if (notify && answer.authorId) {
      await tx.notification.upsert({
        where: { userId_messageId_kind: { userId: answer.authorId, messageId: answerId, kind: "ACCEPTED" } },
        create: {
          userId: answer.authorId,
          messageId: answerId,
          kind: "ACCEPTED",
          actorId: acceptedById,
          createdAt: now,
        },
        update: { actorId: acceptedById, createdAt: now, readAt: null },
      });
    }
    return { ok: true, changed: true, notified: notify ? answer.authorId : null };
  });
}

/** Reopens an answered question (its answer's ACCEPTED entry goes); false when it had no accepted answer. */
export async function unacceptAnswer({ roomId, questionId }: { roomId: string; questionId: number }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ acceptedAnswerId: number | null }[]>`
      SELECT "acceptedAnswerId" FROM "Question" WHERE "messageId" = ${questionId} AND "roomId" = ${roomId} FOR UPDATE`;
    const previous = rows[0]?.acceptedAnswerId ?? null;
    if (previous === null) return false;
    await tx.question.update({
      where: { messageId: questionId },
      data: { acceptedAnswerId: null, acceptedAt: null, acceptedById: null },
    });
    await tx.notification.deleteMany({ where: { messageId: previous, kind: "ACCEPTED" } });
    return true;
  });
}

/** Part of a message deletion's transaction: `ids` (a SELECT of message ids) are no longer questions or answers. */
export async function dropQuestionsOf(tx: Prisma.TransactionClient, ids: Prisma.Sql): Promise<void> {
  await tx.$executeRaw`DELETE FROM "Question" WHERE "messageId" IN (${ids})`;
  await tx.$executeRaw`
    UPDATE "Question" SET "acceptedAnswerId" = NULL, "acceptedAt" = NULL, "acceptedById" = NULL
    WHERE "acceptedAnswerId" IN (${ids})`;
  await tx.$executeRaw`DELETE FROM "Notification" WHERE kind = 'ACCEPTED' AND "messageId" IN (${ids})`;
}

const AUTHOR = { select: userSummarySelect } as const;

export interface QuestionRow {
  messageId: number;
  body: string;
  mentions: string[];
  createdAt: Date;
  author: UserSummary | null;
  acceptedAnswerId: number | null;
  acceptedAt: Date | null;
  answerCount: number;
}

const QUESTION_SELECT = {
  messageId: true,
  acceptedAnswerId: true,
  acceptedAt: true,
  message: {
    select: {
      body: true,
      mentions: true,
      createdAt: true,
      author: AUTHOR,
      _count: { select: { replies: { where: { deletedAt: null } } } },
    },
  },
} satisfies Prisma.QuestionSelect;

type SelectedQuestion = Prisma.QuestionGetPayload<{ select: typeof QUESTION_SELECT }>;

function rowOf(q: SelectedQuestion): QuestionRow {
  return {
    messageId: q.messageId,
    body: q.message.body,
    mentions: q.message.mentions,
    createdAt: q.message.createdAt,
    author: q.message.author && toUserSummary(q.message.author),
    acceptedAnswerId: q.acceptedAnswerId,
    acceptedAt: q.acceptedAt,
    answerCount: q.message._count.replies,
  };
}

/** The room's open questions newest first, or answered ones latest accepted first, at most `take`. */
export async function listRoomQuestions({
  roomId,
  answered,
  take,
}: {
  roomId: string;
  answered: boolean;
  take: number;
}): Promise<QuestionRow[]> {
  const rows = await db.question.findMany({
    where: { roomId, acceptedAt: answered ? { not: null } : null, message: { deletedAt: null } },
    orderBy: answered
      ? [{ acceptedAt: "desc" }, { messageId: "desc" }]
      : [{ createdAt: "desc" }, { messageId: "desc" }],
    take,
    select: QUESTION_SELECT,
  });
  return rows.map(rowOf);
}

/** One question of the room, or null. */
export async function findRoomQuestion({
  roomId,
  messageId,
}: {
  roomId: string;
  messageId: number;
}): Promise<QuestionRow | null> {
  if (messageId > MAX_MESSAGE_ID) return null;
  const row = await db.question.findFirst({
    where: { messageId, roomId, message: { deletedAt: null } },
    select: QUESTION_SELECT,
  });
  return row && rowOf(row);
}

export interface AnswerRow {
  id: number;
  body: string;
  mentions: string[];
  createdAt: Date;
  editedAt: Date | null;
  author: UserSummary | null;
}

/** The question's live answers (its replies), oldest first, at most `take`. */
export async function listAnswers({ questionId, take }: { questionId: number; take: number }): Promise<AnswerRow[]> {
  const rows = await db.message.findMany({
    where: { replyToId: questionId, deletedAt: null },
    orderBy: { id: "asc" },
    take,
    select: { id: true, body: true, mentions: true, createdAt: true, editedAt: true, author: AUTHOR },
  });
  return rows.map((row) => ({ ...row, author: row.author && toUserSummary(row.author) }));
}

/** Open questions per room (an index-only count per room of the page). */
export async function countOpenQuestions({ roomIds }: { roomIds: string[] }): Promise<Map<string, number>> {
  if (roomIds.length === 0) return new Map();
  const rows = await db.question.groupBy({
    by: ["roomId"],
    where: { roomId: { in: roomIds }, acceptedAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.roomId, row._count._all]));
}

/** How many questions have an accepted answer (the sitemap's plan). */
export async function countAnsweredQuestions(): Promise<number> {
  return db.question.count({ where: { acceptedAt: { not: null } } });
}

/** Answered questions for the sitemap, in message id order from `skip`. */
export async function listSitemapQuestions({
  skip,
  take,
}: {
  skip: number;
  take: number;
}): Promise<Array<{ messageId: number; slug: string; acceptedAt: Date }>> {
  if (take <= 0) return [];
  const rows = await db.question.findMany({
    where: { acceptedAt: { not: null } },
    orderBy: { messageId: "asc" },
    skip,
    take,
    select: { messageId: true, acceptedAt: true, room: { select: { slug: true } } },
  });
  return rows.map((row) => ({
    messageId: row.messageId,
    slug: row.room.slug,
    acceptedAt: row.acceptedAt ?? new Date(0),
  }));
}

export interface QuestionSearchRow {
  messageId: number;
  body: string;
  slug: string;
  roomName: string;
  answered: boolean;
}

/**
 * Questions whose words match `q` (the message search's generated vector and GIN index), newest first. The candidate
 * matches are bounded, so a common word never joins every message of the site.
 */
export async function searchQuestions({ q, take }: { q: string; take: number }): Promise<QuestionSearchRow[]> {
  return db.$queryRaw<QuestionSearchRow[]>`
    SELECT q."messageId", m.body, r.slug, r.name AS "roomName", q."acceptedAt" IS NOT NULL AS answered
    FROM "Message" m
    JOIN "Question" q ON q."messageId" = m.id
    JOIN "Room" r ON r.id = m."roomId"
    WHERE m."searchVector" @@ plainto_tsquery('english'::regconfig, ${q}) AND m."deletedAt" IS NULL
    ORDER BY m.id DESC
    LIMIT ${take}`;
}

/** A live question by its room's slug and id, with the room's name (the public page), or null. */
export async function findQuestionBySlug({
  slug,
  messageId,
}: {
  slug: string;
  messageId: number;
}): Promise<(QuestionRow & { room: { slug: string; name: string } }) | null> {
  if (messageId > MAX_MESSAGE_ID) return null;
  const row = await db.question.findFirst({
    where: { messageId, room: { slug }, message: { deletedAt: null } },
    select: { ...QUESTION_SELECT, room: { select: { slug: true, name: true } } },
  });
  return row && { ...rowOf(row), room: row.room };
}
