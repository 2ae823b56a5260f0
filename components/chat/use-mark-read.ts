"use client";
// Keeps the member's read position current: opening the room marks it read, and while the tab
// is visible and the conversation is at the bottom, new messages are marked read too (debounced).
// The header's unread badge hears the new total through a window event.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { UNREAD_TOTAL_EVENT } from "@/components/header-unread-link";
import { markRead } from "@/lib/chat/client/chat-api";

const DEBOUNCE_MS = 800;

function subscribeVisibility(listener: () => void) {
  document.addEventListener("visibilitychange", listener);
  return () => document.removeEventListener("visibilitychange", listener);
}

/** Whether the tab is visible (true on the server, where it does not matter). */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === "visible",
    () => true,
  );
}

export interface UseMarkReadOptions {
  slug: string;
  /** Signed in (visitors have no read position). */
  enabled: boolean;
  /** The newest message id held. */
  lastId: number | null;
  atBottom: boolean;
}

export function useMarkRead({ slug, enabled, lastId, atBottom }: UseMarkReadOptions): void {
  const visible = usePageVisible();
  const marked = useRef<number | null>(null);

  useEffect(() => {
    if (!enabled || lastId === null || !visible) return;
    if (marked.current !== null && (lastId <= marked.current || !atBottom)) return;
    // The first time (opening the room) goes at once; later ones wait for a quiet moment.
    const timer = window.setTimeout(
      () => {
        marked.current = Math.max(marked.current ?? 0, lastId);
        markRead(slug, lastId).then(
          (state) =>
            window.dispatchEvent(new CustomEvent(UNREAD_TOTAL_EVENT, { detail: { total: state.totalUnread } })),
          () => {
            // Not critical: the next message or visit marks it again.
          },
        );
      },
      marked.current === null ? 0 : DEBOUNCE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [slug, enabled, lastId, atBottom, visible]);
}
