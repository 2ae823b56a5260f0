"use client";
// The room's slow mode in the browser: the setting (server render, then `room:updated`) and when the viewer may send
// again. The wait starts when the viewer sends and again when the server confirms it (the server counts from when
// the message arrived, which a slow first request can put seconds later), and survives a reload (the server's wait).
import { useCallback, useEffect, useRef, useState } from "react";
import type { ComposerSlowMode } from "@/components/chat/composer-slow-mode";
import type { PendingMessage } from "@/lib/chat/client/message-store";
import type { RoomUpdatedEvent } from "@/lib/realtime/event-schemas";

/** What the server knew when it rendered the page (lib/rooms/slow-mode.ts's SlowModeView). */
export interface RoomSlowMode {
  seconds: number;
  exempt: boolean;
  /** The viewer's wait left at render time, in ms. */
  waitMs: number;
}

export function useRoomSlowMode(initial: RoomSlowMode) {
  const [seconds, setSeconds] = useState(initial.seconds);
  const [lastSentAt, setLastSentAt] = useState<number | null>(() =>
    initial.waitMs > 0 ? Date.now() + initial.waitMs - initial.seconds * 1000 : null,
  );
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    // A refresh: the server's setting is the truth now; the wait this page counts is at least as fresh as its own.
    setSeen(initial);
    setSeconds(initial.seconds);
  }

  const onRoomUpdated = useCallback((event: RoomUpdatedEvent) => {
    if (event.slowModeSeconds !== undefined) setSeconds(event.slowModeSeconds);
  }, []);

  // Only a send in slow mode takes a turn on the server, so only then does the wait start here.
  const waits = seconds > 0 && !seen.exempt;
  const onSent = useCallback(() => {
    if (waits) setLastSentAt(Date.now());
  }, [waits]);

  const slowMode: ComposerSlowMode = {
    seconds,
    exempt: seen.exempt,
    until: seconds > 0 && !seen.exempt && lastSentAt !== null ? lastSentAt + seconds * 1000 : null,
  };
  return { slowMode, onRoomUpdated, onSent };
}

/**
 * After `useConversation`: restarts the wait when a send on its way is stored (it leaves the pending list; failures
 * stay as bubbles), and drops a wait a refused send was told when the setting changes (off lifts it at once).
 */
export function useSlowModeSends(
  { slowMode, onSent }: { slowMode: ComposerSlowMode; onSent: () => void },
  pending: readonly PendingMessage[],
  clearRateLimit: () => void,
) {
  const sending = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const held = new Set(pending.map((item) => item.clientKey));
    const stored = [...sending.current].some((key) => !held.has(key));
    sending.current = new Set(pending.filter((item) => item.status === "sending").map((item) => item.clientKey));
    if (stored) onSent();
  }, [pending, onSent]);
  useEffect(() => clearRateLimit(), [slowMode.seconds, clearRateLimit]);
}
