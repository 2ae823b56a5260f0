"use client";
// Above the composer's text box while replying: what the message will reply to, and a button (or Escape in the box)
// that cancels the reply and keeps the draft.
import { CloseIcon } from "@/components/ui/icons";
import type { ReplyQuote } from "@/lib/chat/message-payload";
import { ReplyIcon } from "./reply-quote";

export interface ComposerReplyProps {
  id: string;
  quote: ReplyQuote;
  onCancel: () => void;
}

export function ComposerReply({ id, quote, onCancel }: ComposerReplyProps) {
  return (
    <div
      data-testid="composer-reply"
      className="mb-2 flex items-center gap-2 rounded-lg border border-line bg-sunken/60 py-1 pr-1 pl-2.5 text-sm text-ink-muted"
    >
      <ReplyIcon className="size-4 shrink-0" />
      <p id={id} className="min-w-0 flex-1 truncate">
        {quote.deleted ? (
          "The message you're replying to was deleted."
        ) : (
          <>
            Replying to <span className="font-semibold text-ink">{quote.authorName}</span>: {quote.excerpt}
          </>
        )}
      </p>
      <button
        type="button"
        onClick={onCancel}
        aria-label="Cancel reply"
        title="Cancel reply (Escape)"
        className="rounded p-1 hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-ring"
      >
        <CloseIcon />
      </button>
    </div>
  );
}
