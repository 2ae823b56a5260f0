// The site search's questions: the header search's words matched against questions (the message search's vector and
// GIN index), each with its room and its public page. Called by the home page's search results.
import "server-only";
import { searchQuestions } from "../db/questions";
import { excerptOf } from "../messages/excerpt";
import { questionPath } from "../site/question-path";
import { text } from "../validation/text";
import { QUESTION_EXCERPT_CHARS } from "../validation/questions";

/** Questions shown above the rooms a search finds: the newest matches, the rest are a narrower search away. */
export const QUESTION_MATCHES = 5;

const querySchema = text().trim().min(1).max(200);

export interface QuestionMatch {
  messageId: number;
  excerpt: string;
  room: { slug: string; name: string };
  answered: boolean;
  href: string;
}

/** Questions matching the search `q`; none for a query that is empty, too long or not text. */
export async function findQuestionsMatching({ q }: { q: unknown }): Promise<QuestionMatch[]> {
  const parsed = querySchema.safeParse(q);
  if (!parsed.success) return [];
  const rows = await searchQuestions({ q: parsed.data, take: QUESTION_MATCHES });
  return rows.map((row) => ({
    messageId: row.messageId,
    excerpt: excerptOf(row.body, QUESTION_EXCERPT_CHARS),
    room: { slug: row.slug, name: row.roomName },
    answered: row.answered,
    href: questionPath(row.slug, row.messageId),
  }));
}
