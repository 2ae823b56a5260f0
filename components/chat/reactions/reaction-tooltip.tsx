"use client";
// Who reacted, over a reaction chip on hover or keyboard focus. A manual popover sits in the top layer, so neither the
// message list's scrolling box nor the sticky header clips or covers it, and it is placed with fixed coordinates.
import { useLayoutEffect, useRef } from "react";

export interface ReactionTooltipProps {
  id: string;
  /** The chip it describes: placed above it, or below when there is no room above. */
  anchor: HTMLElement;
  text: string;
  /** The pointer moved onto the tooltip (it stays, so it can be read and selected) or off it. */
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

const GAP = 6;
const EDGE = 4;

function place(tip: HTMLElement, anchor: HTMLElement) {
  const chip = anchor.getBoundingClientRect();
  const { width, height } = tip.getBoundingClientRect();
  const above = chip.top - GAP - height;
  const top = above >= EDGE ? above : chip.bottom + GAP;
  const centred = chip.left + chip.width / 2 - width / 2;
  const left = Math.min(Math.max(EDGE, centred), window.innerWidth - width - EDGE);
  tip.style.top = `${Math.round(top)}px`;
  tip.style.left = `${Math.round(Math.max(EDGE, left))}px`;
}

export function ReactionTooltip({ id, anchor, text, onPointerEnter, onPointerLeave }: ReactionTooltipProps) {
  const ref = useRef<HTMLDivElement>(null);

  // Before paint: shown in the top layer, measured, then moved beside its chip (and kept there while things scroll).
  useLayoutEffect(() => {
    const tip = ref.current;
    if (!tip) return;
    // Browsers without popovers keep it as a plain fixed box, placed the same way.
    if (typeof tip.showPopover === "function" && !tip.matches(":popover-open")) tip.showPopover();
    place(tip, anchor);
    const follow = () => place(tip, anchor);
    window.addEventListener("scroll", follow, { capture: true, passive: true });
    window.addEventListener("resize", follow, { passive: true });
    return () => {
      window.removeEventListener("scroll", follow, { capture: true });
      window.removeEventListener("resize", follow);
    };
  }, [anchor, text]);

  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      popover="manual"
      data-testid="reaction-tooltip"
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
      className="fixed right-auto bottom-auto z-50 m-0 max-w-[min(16rem,calc(100vw-0.5rem))] overflow-visible rounded-md bg-ink px-2 py-1 text-center text-xs leading-snug font-medium text-balance text-surface shadow-lg"
    >
      {text}
    </div>
  );
}
