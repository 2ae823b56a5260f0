"use client";
// A message's reactions, as chips under its body: each shows its emoji and count, says who reacted (tooltip and full
// accessible name) and, for those who may react, toggles the viewer's own. In the room page's first load, so small.
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import dynamic from "next/dynamic";
import type { ReactionGroup } from "@/lib/chat/message-payload";
import { emojiKey, REACTOR_NAMES } from "@/lib/reactions/reaction-rules";
import { AddReactionButton } from "./add-reaction-button";
import { announceReaction, ensureReactionAnnouncer } from "./reaction-announcer";
import { reactedWith, reactionChipLabel } from "./reactor-names";

// Loaded on the first hover or focus of a reaction: most readers of a page never ask who reacted.
const ReactionTooltip = dynamic(() => import("./reaction-tooltip").then((m) => m.ReactionTooltip), { ssr: false });

export interface ReactionBarProps {
  /** In the order they were first made. */
  reactions: ReactionGroup[];
  /** Given to those who may react: each chip toggles the viewer's reaction (`on`: add it). */
  onToggle?: (emoji: string, on: boolean) => void;
  /** The viewer's username, to call them "You" in the names; absent for visitors. */
  viewerUsername?: string | null;
  /** The message holds fewer than REACTION_KINDS_LIMIT kinds: an "Add reaction" button ends the bar. */
  canAddKind?: boolean;
  /**
   * What ends the bar instead of the built-in "Add reaction" button (shown only with `onToggle` and `canAddKind`):
   * e.g. `null` to leave it out, or a button of the caller's. Undefined: the built-in one.
   */
  picker?: ReactNode;
  /** A tooltip opened on a reaction whose names are not all here (history pages carry counts only). */
  onNeedNames?: () => void;
}

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const chipShape = "inline-flex h-7 items-center gap-1 rounded-full border px-2 text-xs leading-none tabular-nums";
// Not by colour alone: the viewer's own also have a stronger border and bold count.
const chipTone = (mine: boolean) =>
  mine ? "border-accent bg-accent-soft font-semibold text-accent-ink" : "border-line bg-surface text-ink-muted";
/** Waits this long before hiding the tooltip, so the pointer can cross the gap onto it. */
const HIDE_DELAY = 120;

export function ReactionBar({
  reactions,
  onToggle,
  viewerUsername,
  canAddKind = false,
  picker,
  onNeedNames,
}: ReactionBarProps) {
  const tooltipId = useId();
  const [tip, setTip] = useState<{ key: string; anchor: HTMLElement } | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (onToggle) ensureReactionAnnouncer();
    return () => clearTimeout(hideTimer.current);
  }, [onToggle]);

  const show = (key: string, anchor: HTMLElement) => {
    clearTimeout(hideTimer.current);
    setTip({ key, anchor });
    const group = reactions.find((held) => emojiKey(held.emoji) === key);
    if (group && group.reactors.length < Math.min(group.count, REACTOR_NAMES)) onNeedNames?.();
  };
  const hideSoon = () => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => setTip(null), HIDE_DELAY);
  };
  const hideNow = () => {
    clearTimeout(hideTimer.current);
    setTip(null);
  };

  const toggle = (emoji: string, on: boolean) => {
    onToggle?.(emoji, on);
    announceReaction(emoji, on);
  };

  if (reactions.length === 0) return null;
  // A chip removed under the pointer gets no pointerleave: its tooltip goes with it, and stays gone if it comes back.
  const shown = tip?.anchor.isConnected ? reactions.find((group) => emojiKey(group.emoji) === tip.key) : undefined;

  return (
    <div data-testid="reactions" className="mt-1 flex flex-wrap items-center gap-1">
      {reactions.map((group) => {
        const key = emojiKey(group.emoji);
        const mine = group.mine ?? false;
        const common = {
          "data-testid": "reaction",
          "data-emoji": group.emoji,
          "data-count": group.count,
          "data-mine": mine || undefined,
          "aria-label": reactionChipLabel(group, viewerUsername, onToggle !== undefined),
          "aria-describedby": shown && tip?.key === key ? tooltipId : undefined,
          onPointerEnter: (event: PointerEvent<HTMLElement>) => show(key, event.currentTarget),
          onPointerLeave: hideSoon,
          onFocus: (event: FocusEvent<HTMLElement>) => show(key, event.currentTarget),
          onBlur: hideNow,
          onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
            // Dismissable without moving focus (WCAG 1.4.13); Escape goes on to others only when nothing was shown.
            if (event.key === "Escape" && tip) {
              event.stopPropagation();
              hideNow();
            }
          },
        };
        const content = (
          <>
            <span aria-hidden="true" className="text-base leading-none">
              {group.emoji}
            </span>
            <span aria-hidden="true">{group.count}</span>
          </>
        );
        if (!onToggle)
          return (
            // Not a control, but focusable so that keyboard readers get the names, as the pointer does.
            <span
              key={key}
              role="img"
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the tooltip's only keyboard way in
              tabIndex={0}
              className={`${chipShape} ${chipTone(mine)} ${focusRing}`}
              {...common}
            >
              {content}
            </span>
          );
        return (
          <button
            key={key}
            type="button"
            aria-pressed={mine}
            onClick={() => toggle(group.emoji, !mine)}
            className={`${chipShape} ${chipTone(mine)} ${focusRing} transition hover:border-accent/60 ${mine ? "hover:bg-accent-soft/70" : "hover:bg-sunken"}`}
            {...common}
          >
            {content}
          </button>
        );
      })}
      {!onToggle || !canAddKind ? null : picker !== undefined ? (
        picker
      ) : (
        <AddReactionButton
          existing={reactions.map((group) => group.emoji)}
          onPick={(emoji) => {
            const group = reactions.find((held) => emojiKey(held.emoji) === emojiKey(emoji));
            toggle(group?.emoji ?? emoji, !(group?.mine ?? false));
          }}
          testId="add-reaction"
          className={`${chipShape} border-line bg-surface text-ink-muted transition hover:border-line-strong hover:bg-sunken hover:text-ink ${focusRing}`}
        />
      )}
      {shown && tip ? (
        <ReactionTooltip
          id={tooltipId}
          anchor={tip.anchor}
          text={reactedWith(shown, viewerUsername)}
          onPointerEnter={() => clearTimeout(hideTimer.current)}
          onPointerLeave={hideSoon}
        />
      ) : null}
    </div>
  );
}
