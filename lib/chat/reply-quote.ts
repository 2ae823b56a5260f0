// A reply's one-line quote of its original, made the same way by the server (from the stored original) and by the
// browser (from the original it holds, once an edit or a deletion of it reached the page). Browser-safe.
import { excerptOf } from "../messages/excerpt";
import type { ReplyQuote } from "./message-payload";

/** A quote is one line: the start of the original, cut with an ellipsis. */
export const REPLY_EXCERPT_CHARS = 80;

/** Who a quote names when the original's author deleted their account (components/ui/avatar's ANONYMOUS_NAME). */
const ANONYMOUS_NAME = "Anonymous User";

export type QuotableMessage =
  | { id: number; body: string; author: { name: string; username: string } | null; deleted?: false }
  | { id: number; deleted: true };

export function replyQuoteOf(original: QuotableMessage): ReplyQuote {
  if (original.deleted) return { id: original.id, authorName: "", authorUsername: null, excerpt: "", deleted: true };
  return {
    id: original.id,
    authorName: original.author?.name ?? ANONYMOUS_NAME,
    authorUsername: original.author?.username ?? null,
    excerpt: excerptOf(original.body, REPLY_EXCERPT_CHARS),
    deleted: false,
  };
}

export const sameQuote = (a: ReplyQuote | null | undefined, b: ReplyQuote | null | undefined): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.id === b.id &&
    a.deleted === b.deleted &&
    a.excerpt === b.excerpt &&
    a.authorName === b.authorName &&
    a.authorUsername === b.authorUsername) ||
  (!a && !b);
