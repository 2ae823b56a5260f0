"use client";
// Holding messages until the break: while the viewer is joined with "hold" on and the session is in a focus phase,
// other people's messages newer than the last one shown when the hold began wait (counted); at the break, when the
// viewer leaves, the session ends or "Show now" is pressed they appear, in order. Own messages always show; catch-up
// keeps merging into the conversation underneath, so nothing is lost.
import { useMemo, useState } from "react";
import type { HistoryEntry } from "@/lib/chat/message-payload";
import { heldEntries, type HeldEntries } from "@/lib/focus/hold";

export interface FocusHold extends HeldEntries {
  showNow: () => void;
}

export function useFocusHold(entries: HistoryEntry[], active: boolean, viewerId: string | null): FocusHold {
  const lastId = entries.at(-1)?.id ?? 0;
  // Set when the hold begins (adjusted while rendering, so no frame shows what should wait), cleared when it ends.
  const [wasActive, setWasActive] = useState(false);
  const [holdAfter, setHoldAfter] = useState<number | null>(null);
  if (active !== wasActive) {
    setWasActive(active);
    setHoldAfter(active ? lastId : null);
  }

  const held = useMemo(() => heldEntries(entries, holdAfter, viewerId), [entries, holdAfter, viewerId]);
  return { ...held, showNow: () => setHoldAfter(lastId) };
}
