"use client";
// The picker's emoji, by group under sticky headings: one tab stop (roving tabindex), arrow keys across groups. Each
// group renders only when scrolled near (content-visibility), and only the groups a move touches re-render.
import { memo, useCallback, useMemo, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from "react";
import { emojiKey } from "@/lib/reactions/reaction-rules";
import { moveInGrid } from "./emoji-grid-nav";
import type { EmojiSection } from "./emoji-search";

/** Fixed, so that up and down move by a row without measuring the layout (matches `grid-cols-8`). */
export const GRID_COLUMNS = 8;

export interface EmojiGridProps {
  sections: readonly EmojiSection[];
  /** Keys (emojiKey) of the emoji already on the message: marked. */
  existing: ReadonlySet<string>;
  onPick: (emoji: string) => void;
  /** Up from the first row: back to the search field. */
  onExitTop: () => void;
}

interface SectionViewProps {
  section: EmojiSection;
  /** Index of its first option across the grid. */
  offset: number;
  /** The tab stop's index within this section, or -1 when it is elsewhere. */
  active: number;
  existing: ReadonlySet<string>;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onFocus: (event: FocusEvent<HTMLButtonElement>) => void;
}

const SectionView = memo(function SectionView({
  section,
  offset,
  active,
  existing,
  onClick,
  onKeyDown,
  onFocus,
}: SectionViewProps) {
  return (
    <section
      aria-label={section.title}
      className="[contain-intrinsic-size:auto_12rem] [content-visibility:auto]"
      data-testid="emoji-group"
    >
      <h3 className="sticky top-0 z-[1] bg-surface/95 px-1 pt-2 pb-1 text-xs font-semibold text-ink-muted first-letter:uppercase">
        {section.title}
      </h3>
      <div className="grid grid-cols-8">
        {section.emoji.map(([emoji, label], i) => {
          const marked = existing.has(emojiKey(emoji));
          return (
            <button
              key={emoji}
              type="button"
              data-testid="emoji-option"
              data-emoji={emoji}
              data-index={offset + i}
              aria-label={label}
              title={label}
              aria-pressed={marked}
              tabIndex={i === active ? 0 : -1}
              onClick={onClick}
              onKeyDown={onKeyDown}
              onFocus={onFocus}
              className={`flex aspect-square scroll-mt-8 scroll-mb-1 items-center justify-center rounded-lg text-2xl leading-none transition-colors hover:bg-sunken focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring ${
                marked ? "bg-accent-soft ring-1 ring-accent ring-inset" : ""
              }`}
            >
              {emoji}
            </button>
          );
        })}
      </div>
    </section>
  );
});

export function EmojiGrid({ sections, existing, onPick, onExitTop }: EmojiGridProps) {
  // Reset by the parent (a new `key`) when the sections change, so it never points past the end.
  const [active, setActive] = useState(0);
  const sizes = useMemo(() => sections.map((section) => section.emoji.length), [sections]);
  // Each section's first index across the grid.
  const starts = useMemo(() => sizes.map((_, i) => sizes.slice(0, i).reduce((sum, size) => sum + size, 0)), [sizes]);

  // One set of handlers for all ~1,870 buttons (each reads its option from its data attributes), stable so that a move
  // re-renders only the sections it leaves and enters.
  const onClick = useCallback(
    (event: MouseEvent<HTMLButtonElement>) => {
      const emoji = event.currentTarget.dataset.emoji;
      if (emoji) onPick(emoji);
    },
    [onPick],
  );
  const onFocus = useCallback(
    (event: FocusEvent<HTMLButtonElement>) => setActive(Number(event.currentTarget.dataset.index)),
    [],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = moveInGrid(sizes, Number(event.currentTarget.dataset.index), event.key, GRID_COLUMNS);
      if (target === null) return;
      event.preventDefault();
      if (target === "search") return onExitTop();
      setActive(target);
      // The section may not be rendered yet (content-visibility); focusing still works and scrolls it into view.
      event.currentTarget.closest("[data-emoji-grid]")?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus();
    },
    [sizes, onExitTop],
  );

  return (
    <div data-emoji-grid="" role="group" aria-label="Emoji">
      {sections.map((section, i) => {
        const start = starts[i] ?? 0;
        const local = active - start;
        return (
          <SectionView
            key={section.title}
            section={section}
            offset={start}
            active={local >= 0 && local < section.emoji.length ? local : -1}
            existing={existing}
            onClick={onClick}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
          />
        );
      })}
    </div>
  );
}
