// Holding messages until the break, as data: which entries show and how many wait, given the last id shown when the
// hold began. Other people's messages after it wait; the viewer's own always show; deleted ones after it stay hidden
// (a tombstone has no author to tell). Browser-safe; the room page's useFocusHold applies it.
import { isTombstone, type HistoryEntry } from "../chat/message-payload";

export function heldEntries(
  entries: HistoryEntry[],
  holdAfter: number | null,
  viewerId: string | null,
): { entries: HistoryEntry[]; waiting: number } {
  if (holdAfter === null) return { entries, waiting: 0 };
  let waiting = 0;
  const shown = entries.filter((entry) => {
    if (entry.id <= holdAfter) return true;
    if (isTombstone(entry)) return false;
    if (viewerId !== null && entry.author?.id === viewerId) return true;
    waiting += 1;
    return false;
  });
  return { entries: shown, waiting };
}
