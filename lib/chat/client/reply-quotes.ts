// Keeping replies' quotes true to their originals in the browser. The server joins each quote when it reads a reply,
// but an original edited or deleted later reaches the page only as its own message:updated / message:deleted: the
// quotes of the replies held follow from it here, so no event is needed per reply. A held original is the truth for
// its replies (also for a reply that arrives after its original's deletion reached the page).
import { isTombstone, type HistoryEntry } from "../message-payload";
import { replyQuoteOf, sameQuote } from "../reply-quote";

/** The index of the entry with this id in entries ascending by id, or -1. */
function indexOf(entries: HistoryEntry[], id: number): number {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = entries[middle]?.id ?? 0;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * `entries` (ascending by id) with the quote of every reply that was `touched`, or whose original was, made from the
 * original held; `entries` itself when no quote changed. A reply comes after its original, so the walk starts at the
 * first touched id.
 */
export function reconcileQuotes(entries: HistoryEntry[], touched: ReadonlySet<number>): HistoryEntry[] {
  if (touched.size === 0) return entries;
  const first = Math.min(...touched);
  let result: HistoryEntry[] | null = null;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!entry || entry.id < first || isTombstone(entry) || !entry.replyTo) continue;
    if (!touched.has(entry.id) && !touched.has(entry.replyTo.id)) continue;
    const original = entries[indexOf(entries, entry.replyTo.id)];
    if (!original) continue;
    const quote = replyQuoteOf(original);
    if (sameQuote(quote, entry.replyTo)) continue;
    result ??= entries.slice();
    result[i] = { ...entry, replyTo: quote };
  }
  return result ?? entries;
}
