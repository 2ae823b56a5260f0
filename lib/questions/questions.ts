// Questions with accepted answers, for every caller (route handlers and tests): marking a message as a question and
// unmarking it (its author, the room's host, moderators), accepting one of its replies and unaccepting (the asker, the
// host, moderators), the room's lists and `question:updated`. Asking through the composer is the send path's
// (lib/chat/messages.ts with `question: true`); it announces through announceAsked.
import "server-only";
import { enforce } from "../auth/rate-limit";
import { requireActive, type ChatActor } from "../chat/actor";
import type { ChatMessage } from "../chat/message-payload";
import {
  acceptAnswer,
  findQuestionTarget,
  findRoomQuestion,
  listRoomQuestions,
  markQuestion,
  unacceptAnswer,
  unmarkQuestion,
  type QuestionRow,
} from "../db/questions";
import { findChatRoom } from "../db/room-lookup";
import { AppError, forbidden, notFound, parseInput } from "../errors";
import { log } from "../log";
import { excerptOf } from "../messages/excerpt";
import { announceNotifications } from "../notifications/announce";
import { publishQuestionUpdated } from "../realtime/events";
import type { QuestionView, QuestionsList } from "../realtime/event-schemas";
import { canManageRoom } from "../rooms/permissions";
import { messageIdSchema } from "../validation/messages";
import { acceptAnswerSchema, QUESTION_EXCERPT_CHARS, QUESTIONS_PANEL_LIMIT } from "../validation/questions";

const ROOM_GONE = "This room does not exist (any more).";
const MESSAGE_MISSING = "This message is not in this room (or no longer exists).";

/** What a question's view is made of: a stored row, or a message just asked. */
type QuestionFacts = Omit<QuestionRow, "mentions" | "author"> & { author: { name: string; username: string } | null };

export function questionViewOf(row: QuestionFacts): QuestionView {
  return {
    messageId: row.messageId,
    excerpt: excerptOf(row.body, QUESTION_EXCERPT_CHARS),
    author: row.author && { name: row.author.name, username: row.author.username },
    createdAt: row.createdAt.toISOString(),
    acceptedAnswerId: row.acceptedAnswerId,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    answerCount: row.answerCount,
  };
}

/** Tells the room what the question is now (null: no longer one). Never rejects: the trigger logs a failure. */
export async function announceQuestion(roomId: string, messageId: number): Promise<void> {
  try {
    const row = await findRoomQuestion({ roomId, messageId });
    await publishQuestionUpdated({ roomId, messageId, question: row && questionViewOf(row) });
  } catch (error) {
    // The change is stored: readers find it when they next load the list.
    log.error({ err: error, roomId, messageId }, "question:updated not sent");
  }
}

/** A message just asked with "Ask": announced from the send's own answer, with no query of its own. */
export function announceAsked(message: ChatMessage): Promise<void> {
  const { id: messageId, body, author, createdAt } = message;
  const asked = { messageId, body, author, createdAt: new Date(createdAt), acceptedAnswerId: null, acceptedAt: null };
  return publishQuestionUpdated({
    roomId: message.roomId,
    messageId,
    question: questionViewOf({ ...asked, answerCount: 0 }),
  });
}

/** The room (404), the caller (401/403) and the message of the room the URL names (404). */
async function targetOf(actor: ChatActor | null, slug: string, messageId: unknown) {
  const caller = requireActive(actor);
  await enforce("questionChange", caller.id, "You have changed questions and answers many times in the last minute.");
  const id = messageIdSchema.safeParse(messageId);
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", ROOM_GONE);
  if (!id.success) throw notFound("message", MESSAGE_MISSING);
  const message = await findQuestionTarget({ roomId: room.id, messageId: id.data });
  if (!message) throw notFound("message", MESSAGE_MISSING);
  return { caller, room, message };
}

const deletedMessage = () =>
  new AppError("conflict:message_deleted", "This message was deleted, so it cannot be a question.", 409);

export interface QuestionCall {
  actor: ChatActor | null;
  slug: string;
  messageId: unknown;
}

/** Marks the message as a question: its author, the host or a moderator. Marking a question again changes nothing. */
export async function markQuestionAs({ actor, slug, messageId }: QuestionCall): Promise<{ changed: boolean }> {
  const { caller, room, message } = await targetOf(actor, slug, messageId);
  if (message.authorId !== caller.id && !canManageRoom(caller, room))
    throw forbidden("question", "Only its author, the room’s host and moderators can mark a message as a question.");
  if (message.deleted) throw deletedMessage();
  if (message.question) return { changed: false };
  const changed = await markQuestion({ roomId: room.id, messageId: message.id });
  // Lost to a concurrent delete: the row was never stored.
  if (!changed && (await findQuestionTarget({ roomId: room.id, messageId: message.id }))?.deleted)
    throw deletedMessage();
  if (changed) await announceQuestion(room.id, message.id);
  return { changed };
}

/** Unmarks an open question (409 while it has an accepted answer: unaccept first). Not a question: no change. */
export async function unmarkQuestionAs({ actor, slug, messageId }: QuestionCall): Promise<{ changed: boolean }> {
  const { caller, room, message } = await targetOf(actor, slug, messageId);
  const asker = message.question?.askerId ?? message.authorId;
  if (asker !== caller.id && !canManageRoom(caller, room))
    throw forbidden("question", "Only the asker, the room’s host and moderators can unmark a question.");
  if (!message.question) return { changed: false };
  if (message.question.acceptedAnswerId !== null)
    throw new AppError("conflict:question_answered", "This question has an accepted answer. Unaccept it first.", 409);
  const changed = await unmarkQuestion({ roomId: room.id, messageId: message.id });
  if (changed) await announceQuestion(room.id, message.id);
  return { changed };
}

/** The question and the caller allowed to accept for it: the asker, the host or a moderator. */
async function questionToAcceptFor(call: QuestionCall) {
  const { caller, room, message } = await targetOf(call.actor, call.slug, call.messageId);
  if (message.deleted)
    throw new AppError("conflict:question_deleted", "This question was deleted, so no answer can be accepted.", 409);
  if (!message.question) throw notFound("question", "This message is not a question.");
  if (message.question.askerId !== caller.id && !canManageRoom(caller, room))
    throw forbidden("question", "Only the asker, the room’s host and moderators can accept an answer.");
  return { caller, room, message };
}

/**
 * Accepts a reply to the question as its answer (changing the accepted one is allowed; accepting it again changes
 * nothing). Refused: an answer that is not a reply to this question (422), deleted (409).
 */
export async function acceptAnswerAs(call: QuestionCall & { input: unknown }): Promise<{ changed: boolean }> {
  const { answerId } = parseInput(acceptAnswerSchema, call.input);
  const { caller, room, message } = await questionToAcceptFor(call);
  const outcome = await acceptAnswer({ roomId: room.id, questionId: message.id, answerId, acceptedById: caller.id });
  if ("refused" in outcome) {
    if (outcome.refused === "answer_deleted")
      throw new AppError("conflict:answer_deleted", "This answer was deleted, so it cannot be accepted.", 409);
    if (outcome.refused === "question_deleted" || outcome.refused === "not_question")
      throw new AppError("conflict:question_deleted", "This question no longer exists.", 409);
    throw new AppError("invalid:not_an_answer", "Only a reply to this question can be its accepted answer.", 422);
  }
  if (outcome.changed) {
    await announceQuestion(room.id, message.id);
    if (outcome.notified) await announceNotifications(answerId, [{ userId: outcome.notified, kind: "ACCEPTED" }]);
  }
  return { changed: outcome.changed };
}

/** Reopens the question; one without an accepted answer changes nothing. */
export async function unacceptAnswerAs(call: QuestionCall): Promise<{ changed: boolean }> {
  const { room, message } = await questionToAcceptFor(call);
  const changed = await unacceptAnswer({ roomId: room.id, questionId: message.id });
  if (changed) await announceQuestion(room.id, message.id);
  return { changed };
}

/** The room's open and answered questions (newest of each), for anyone who may read the room. */
export async function questionsOfRoom({ roomId }: { roomId: string }): Promise<QuestionsList> {
  const [open, answered] = await Promise.all([
    listRoomQuestions({ roomId, answered: false, take: QUESTIONS_PANEL_LIMIT }),
    listRoomQuestions({ roomId, answered: true, take: QUESTIONS_PANEL_LIMIT }),
  ]);
  return { open: open.map(questionViewOf), answered: answered.map(questionViewOf) };
}

/** GET /api/rooms/<slug>/questions. */
export async function listQuestions({ slug }: { slug: string }): Promise<QuestionsList> {
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", ROOM_GONE);
  return questionsOfRoom({ roomId: room.id });
}
