// A question's public page (/rooms/<slug>/questions/<id>), for visitors too: the question, its accepted answer first,
// then the other answers oldest first, each rendered through lib/messages/markdown.ts. Null for an unknown or deleted
// question (the page answers 404).
import "server-only";
import { z } from "zod";
import { messageHref } from "../chat/client/jump";
import { findQuestionBySlug, listAnswers, type AnswerRow } from "../db/questions";
import type { UserSummary } from "../db/users";
import { excerptOf } from "../messages/excerpt";
import { renderMessageHtml } from "../messages/markdown";
import { messageIdSchema } from "../validation/messages";
import { QUESTION_PAGE_ANSWERS } from "../validation/questions";
import { roomSlugParamSchema } from "../validation/rooms";

export interface PagePost {
  id: number;
  html: string;
  author: UserSummary | null;
  createdAt: Date;
  /** The message in its room (jump to a message). */
  href: string;
}

export interface QuestionPage {
  room: { slug: string; name: string };
  question: PagePost & { title: string; description: string };
  accepted: PagePost | null;
  /** The other answers, oldest first. */
  others: PagePost[];
}

const paramsSchema = z.object({ slug: roomSlugParamSchema, id: messageIdSchema });

const TITLE_CHARS = 70;
const DESCRIPTION_CHARS = 160;

/** The page's content, or null (404) for params no question has. */
export async function questionPage(params: { slug: unknown; id: unknown }): Promise<QuestionPage | null> {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return null;
  const { slug, id } = parsed.data;
  const question = await findQuestionBySlug({ slug, messageId: id });
  if (!question) return null;
  const answers = await listAnswers({ questionId: id, take: QUESTION_PAGE_ANSWERS });
  const post = (row: AnswerRow): PagePost => ({
    id: row.id,
    html: renderMessageHtml(row.body, row.mentions),
    author: row.author,
    createdAt: row.createdAt,
    href: messageHref(slug, row.id),
  });
  const acceptedRow = answers.find((answer) => answer.id === question.acceptedAnswerId) ?? null;
  const answersSummary = acceptedRow ? "Answered, with an accepted answer" : `${answers.length} answers so far`;
  return {
    room: question.room,
    question: {
      id,
      html: renderMessageHtml(question.body, question.mentions),
      author: question.author,
      createdAt: question.createdAt,
      href: messageHref(slug, id),
      title: excerptOf(question.body, TITLE_CHARS),
      description: `${answersSummary} in ${question.room.name} on Roomful: ${excerptOf(question.body, DESCRIPTION_CHARS)}`,
    },
    accepted: acceptedRow && post(acceptedRow),
    others: answers.filter((answer) => answer !== acceptedRow).map(post),
  };
}
