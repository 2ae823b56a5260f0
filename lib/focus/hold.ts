// Holding messages until the break, as data: which entries show and how many wait, given the last id shown when the
// hold began. Other people's messages after it wait; the viewer's own always show; deleted ones after it stay hidden
// (a tombstone has no author to tell). Browser-safe; the room page's useFocusHold applies it.
import { isTombstone, type HistoryEntry } from "../chat/message-payload";

export interface HeldEntries {
  entries: HistoryEntry[];
  waiting: number;
  /** How far the viewer has read: the newest entry before the first that waits (the newest of all when none waits),
   * so a message is not marked read while it waits, even below the viewer's own newer one. */
  readTo: number | null;
}

export function heldEntries(entries: HistoryEntry[], holdAfter: number | null, viewerId: string | null): HeldEntries {
  const newest = entries.at(-1)?.id ?? null;
  if (holdAfter === null) return { entries, waiting: 0, readTo: newest };
  let waiting = 0;
  let readTo: number | null = null;
  const shown = entries.filter((entry) => {
    const waits = entry.id > holdAfter && !isTombstone(entry) && (viewerId === null || entry.author?.id !== viewerId);
    if (waits) waiting += 1;
    else if (waiting === 0) readTo = entry.id;
    // Deleted ones after the hold began stay hidden too: a tombstone has no author to tell.
    return !waits && !(entry.id > holdAfter && isTombstone(entry));
  });
  return { entries: shown, waiting, readTo };
}
