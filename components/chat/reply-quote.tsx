"use client";
// A reply's one-line quote of its original, above the reply's body (and above the composer's text box while replying):
// the original's author and start, a button that jumps to it; "Message deleted" (not a button) once it is gone.
import { OutlineIcon } from "@/components/ui/icons";
import type { ReplyQuote } from "@/lib/chat/message-payload";

const REPLY_ARROW = ["M8 5 3.5 9.5 8 14", "M4 9.5h7.5a5 5 0 0 1 5 5V16"];

export const ReplyIcon = ({ className = "size-4" }: { className?: string }) => (
  <OutlineIcon shapes={REPLY_ARROW} className={className} />
);

/** Its author and start, as one line: "Alice: the original question". */
export const quoteText = (quote: ReplyQuote) => `${quote.authorName}: ${quote.excerpt}`;

export interface ReplyQuoteLineProps {
  quote: ReplyQuote;
  /** Opens the original (useConversation's jumpTo); without it, the quote is only shown. */
  onJump?: (id: number) => void;
}

export function ReplyQuoteLine({ quote, onJump }: ReplyQuoteLineProps) {
  const shell = "mb-0.5 flex max-w-full min-w-0 items-center gap-1.5 text-xs leading-5 text-ink-muted";
  if (quote.deleted) {
    return (
      <p data-testid="reply-quote" data-deleted="" className={`${shell} italic`}>
        <ReplyIcon className="size-3.5 shrink-0" />
        Message deleted
      </p>
    );
  }
  const content = (
    <>
      <ReplyIcon className="size-3.5 shrink-0" />
      <span className="shrink-0 font-semibold text-ink">{quote.authorName}</span>
      <span className="min-w-0 truncate">{quote.excerpt}</span>
    </>
  );
  if (!onJump)
    return (
      <p data-testid="reply-quote" className={shell}>
        {content}
      </p>
    );
  return (
    <button
      type="button"
      data-testid="reply-quote"
      aria-label={`In reply to ${quoteText(quote)}`}
      title="Show the message it replies to"
      onClick={() => onJump(quote.id)}
      className={`${shell} rounded-sm text-left hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring`}
    >
      {content}
    </button>
  );
}
