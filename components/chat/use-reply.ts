"use client";
// The message the next send replies to: chosen with a message's Reply, shown above the composer, cancelled there or
// by the send. If the original is deleted meanwhile, the quote says so (the send would be refused).
import { useCallback, useMemo, useState } from "react";
import { isTombstone, type ChatMessage, type HistoryEntry, type ReplyQuote } from "@/lib/chat/message-payload";
import { replyQuoteOf } from "@/lib/chat/reply-quote";

export interface ReplyTarget {
  quote: ReplyQuote | null;
  /** Stable, so that offering Reply re-renders no message. */
  start: (message: ChatMessage) => void;
  cancel: () => void;
}

export function useReply(entries: HistoryEntry[]): ReplyTarget {
  const [replyingTo, setReplyingTo] = useState<ReplyQuote | null>(null);
  const start = useCallback((message: ChatMessage) => setReplyingTo(replyQuoteOf(message)), []);
  const cancel = useCallback(() => setReplyingTo(null), []);
  const gone = entries.some((entry) => entry.id === replyingTo?.id && isTombstone(entry));
  return useMemo(
    () => ({
      quote: replyingTo && gone ? replyQuoteOf({ id: replyingTo.id, deleted: true }) : replyingTo,
      start,
      cancel,
    }),
    [replyingTo, gone, start, cancel],
  );
}
