"use client";
// How the conversation scrolls. The scroller is a reversed flex column, so the browser starts it
// at the bottom from the server's HTML on (no jump after hydration) and older pages added above
// never move what you are reading. While you are at the bottom it follows new messages; scrolled
// up, it keeps the message you were reading in place (an anchor). After a jump it centres the target, and below a
// window of older history there is no bottom to follow: scrolling down loads newer pages under the anchor.
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from "react";
import type { TimelineRow } from "@/lib/chat/client/timeline";
import type { ConversationJump } from "./use-conversation-jump";

/** Within this many pixels of the bottom counts as "at the bottom" (and keeps following). */
const BOTTOM_SLACK = 48;
/** Older (newer) messages load when the top (bottom) is this close. */
const LOAD_OLDER_WITHIN = 600;

interface Anchor {
  key: string;
  offset: number;
}

function lastMessageId(rows: TimelineRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row?.kind === "message") return row.message.id;
  }
  return 0;
}

/** The first row in view and its offset from the scroller's top (binary search: cheap in long histories). Day
 * separators are no anchors: "Today" moves to the top when older messages of today arrive. */
function anchorIn(el: HTMLDivElement): Anchor | null {
  const rows = el.querySelector("ol")?.children;
  if (!rows || rows.length === 0) return null;
  const top = el.getBoundingClientRect().top;
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((rows[mid]?.getBoundingClientRect().bottom ?? 0) > top) high = mid;
    else low = mid + 1;
  }
  let node = rows[low] as HTMLElement | undefined;
  while (node && !node.dataset.anchor) node = node.nextElementSibling as HTMLElement | undefined;
  return node?.dataset.anchor ? { key: node.dataset.anchor, offset: node.getBoundingClientRect().top - top } : null;
}

/** The message jumped to, or for a deleted one (not shown) the first message after where it was. */
function targetNode(el: HTMLElement, id: number): HTMLElement | null {
  const exact = el.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
  if (exact) return exact;
  const items = el.querySelectorAll<HTMLElement>("[data-message-id]");
  for (const item of items) if (Number(item.dataset.messageId) > id) return item;
  return items.item(items.length - 1) as HTMLElement | null;
}

export interface ConversationScrollOptions {
  rows: TimelineRow[];
  /** Changes when the viewer sends: the list jumps to the bottom. */
  followSignal: number;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** Jumps (use-conversation-jump.ts): the target to centre, and newer pages below a window of older history. */
  jump?: ConversationJump;
  /** Tells whether the viewer is at the bottom (for marking the room read). */
  onAtBottomChange?: (atBottom: boolean) => void;
}

export function useConversationScroll({
  rows,
  followSignal,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  jump,
  onAtBottomChange,
}: ConversationScrollOptions) {
  const { hasNewer = false, loadingNewer = false, onLoadNewer, target = null, epoch = 0 } = jump ?? {};
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(!hasNewer);
  // What atBottom last said (a jump moves `pinned` before its scroll event tells the rest).
  const reported = useRef(!hasNewer);
  const seenTarget = useRef(0);
  const seenEpoch = useRef(epoch);
  const anchor = useRef<Anchor | null>(null);
  const seenFollowSignal = useRef(followSignal);
  const lastId = lastMessageId(rows);
  const [atBottom, setAtBottom] = useState(!hasNewer);
  const [farFromBottom, setFarFromBottom] = useState(false);
  // The newest message id the viewer had seen when they scrolled away from the bottom.
  const [seenUpTo, setSeenUpTo] = useState(lastId);

  const recordAnchor = useCallback(() => {
    anchor.current = scroller.current ? anchorIn(scroller.current) : null;
  }, []);

  const maybeLoadOlder = () => {
    const el = scroller.current;
    const nearTop = el !== null && el.scrollHeight - el.clientHeight + el.scrollTop < LOAD_OLDER_WITHIN;
    if (nearTop && hasOlder && !loadingOlder) onLoadOlder();
    const nearBottom = el !== null && -el.scrollTop < LOAD_OLDER_WITHIN;
    if (nearBottom && hasNewer && !loadingNewer) onLoadNewer?.();
  };

  /** Tells the rest whether the list is at the (live) bottom, when that changed. */
  const report = (bottom: boolean) => {
    if (reported.current === bottom) return;
    reported.current = bottom;
    setAtBottom(bottom);
    onAtBottomChange?.(bottom);
    // Leaving the bottom: everything up to now was seen.
    if (!bottom) setSeenUpTo(lastId);
  };
  // A layout change that moves no scroll position fires no scroll event (back to the newest while already at the
  // window's bottom): say it from here.
  const reportPinned = useEffectEvent(() => report(pinned.current && !hasNewer));

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // Reversed column: scrollTop is 0 at the bottom and negative above it.
    const fromBottom = -el.scrollTop;
    // The bottom of a window of older history is not the live end: nothing to follow there.
    const bottom = fromBottom < BOTTOM_SLACK && !hasNewer;
    pinned.current = bottom;
    report(bottom);
    setFarFromBottom(fromBottom > el.clientHeight * 1.5);
    recordAnchor();
    maybeLoadOlder();
  };

  // After every change of rows: follow the bottom, or keep the anchor where it was.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // A send, or a jump back to the live end ("Jump to newest"), goes to the bottom.
    if (seenFollowSignal.current !== followSignal || (seenEpoch.current !== epoch && !hasNewer)) {
      seenFollowSignal.current = followSignal;
      pinned.current = true;
    }
    seenEpoch.current = epoch;
    if (pinned.current && !hasNewer) {
      el.scrollTop = 0;
    } else if (anchor.current) {
      const node = el.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(anchor.current.key)}"]`);
      if (node) {
        const offset = node.getBoundingClientRect().top - el.getBoundingClientRect().top;
        el.scrollTop += offset - anchor.current.offset;
      }
    }
    if (target && target.seq !== seenTarget.current) {
      seenTarget.current = target.seq;
      const node = targetNode(el, target.id);
      if (node) {
        node.scrollIntoView({ block: "center" });
        pinned.current = !hasNewer && -el.scrollTop < BOTTOM_SLACK;
      }
    }
    recordAnchor();
    reportPinned();
  }, [rows, followSignal, target, hasNewer, epoch, recordAnchor]);

  // A short first page (or one that loaded while you sat at the top) may need the next one.
  // (And the same below a window of older history.)
  const loadOlderIfNearTop = useEffectEvent(maybeLoadOlder);
  useEffect(() => {
    loadOlderIfNearTop();
  }, [rows, loadingOlder, loadingNewer]);

  // A link to one message (#message-123, from activity pages) opens there, not at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    const id = window.location.hash.slice(1);
    if (!el || !/^message-\d+$/.test(id)) return;
    const target = document.getElementById(id);
    if (!target || !el.contains(target)) return;
    target.scrollIntoView({ block: "center" });
    pinned.current = -el.scrollTop < BOTTOM_SLACK;
    recordAnchor();
  }, [recordAnchor]);

  const scrollToBottom = () => {
    const el = scroller.current;
    if (!el) return;
    pinned.current = true;
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollTo({ top: 0, behavior: smooth ? "smooth" : "auto" });
  };

  return { scroller, onScroll, atBottom: atBottom && !hasNewer, farFromBottom, seenUpTo, scrollToBottom };
}
