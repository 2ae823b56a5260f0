"use client";
// The emoji picker for reactions, loaded on demand (it carries the ~1,870-emoji catalogue): quick reactions, a search,
// the grid. A modal dialog: a popover beside its button on wide screens, a bottom sheet on phones.
import {
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import { CloseIcon } from "@/components/ui/icons";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { cycleFocus } from "@/components/ui/sheet";
import { emojiKey, QUICK_REACTIONS } from "@/lib/reactions/reaction-rules";
import { EmojiGrid } from "./emoji-grid";
import { emojiLabel, emojiSections } from "./emoji-search";

export interface ReactionPickerProps {
  /** The opener's box when it was pressed: the popover opens below it (or above, without room), right-aligned. */
  anchorRect: DOMRect | null;
  /** Emoji already on the message: marked (picking one toggles it; the caller decides). */
  existing: readonly string[];
  onPick: (emoji: string) => void;
  /** Escape, a click outside, the close button. The caller unmounts it and puts focus back on the opener. */
  onClose: () => void;
}

// The popover's size from `sm` up (w-88, h-104), to place it before it is drawn.
const WIDTH = 352;
const HEIGHT = 416;
const GAP = 6;
const EDGE = 8;

/** Below the opener when it fits, else above, else as low as fits; kept inside the window sideways. */
function popoverPlace(anchor: DOMRect | null): CSSProperties | undefined {
  if (!anchor) return undefined;
  const { innerWidth, innerHeight } = window;
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - HEIGHT;
  const top = below + HEIGHT <= innerHeight - EDGE ? below : above >= EDGE ? above : innerHeight - HEIGHT - EDGE;
  const left = Math.min(anchor.right - WIDTH, innerWidth - WIDTH - EDGE);
  return { "--picker-top": `${Math.max(EDGE, top)}px`, "--picker-left": `${Math.max(EDGE, left)}px` } as CSSProperties;
}

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const markedTone = "bg-accent-soft ring-1 ring-accent ring-inset";

export function ReactionPicker({ anchorRect, existing, onPick, onClose }: ReactionPickerProps) {
  const [place] = useState(() => popoverPlace(anchorRect));
  const [query, setQuery] = useState("");
  // Typing stays quick; the grid follows a moment later.
  const shownQuery = useDeferredValue(query);
  const sections = useMemo(() => emojiSections(shownQuery), [shownQuery]);
  const marked = useMemo(() => new Set(existing.map(emojiKey)), [existing]);
  const search = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const focusSearch = useCallback(() => search.current?.focus(), []);
  const searching = shownQuery.trim() !== "";
  const matches = sections[0]?.emoji.length ?? 0;

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      grid.current?.querySelector<HTMLElement>('[data-testid="emoji-option"][tabindex="0"]')?.focus();
    } else if (event.key === "Enter") {
      // The first match, as in most pickers: type "tada", press Enter.
      event.preventDefault();
      const first = searching ? sections[0]?.emoji[0] : undefined;
      if (first) onPick(first[0]);
    }
  };

  return (
    <ModalDialog
      open
      onClose={onClose}
      aria-label="Choose a reaction"
      aria-modal="true"
      data-testid="reaction-picker"
      onKeyDown={cycleFocus}
      style={place}
      className="m-0 mt-auto hidden h-[min(28rem,80dvh)] w-full max-w-none flex-col overflow-hidden rounded-t-2xl border border-line bg-surface p-0 text-ink shadow-2xl backdrop:bg-slate-950/40 open:flex sm:top-(--picker-top) sm:right-auto sm:mt-0 sm:bottom-auto sm:left-(--picker-left) sm:h-104 sm:max-h-[calc(100dvh-1rem)] sm:w-88 sm:rounded-xl sm:shadow-xl sm:backdrop:bg-transparent"
    >
      <div
        role="group"
        aria-label="Quick reactions"
        className="flex shrink-0 items-center justify-between gap-1 border-b border-line px-2 py-1.5"
      >
        {QUICK_REACTIONS.map((emoji) => {
          const on = marked.has(emojiKey(emoji));
          return (
            <button
              key={emoji}
              type="button"
              data-testid="quick-reaction"
              data-emoji={emoji}
              aria-label={emojiLabel(emoji)}
              title={emojiLabel(emoji)}
              aria-pressed={on}
              onClick={() => onPick(emoji)}
              className={`flex size-10 items-center justify-center rounded-lg text-2xl leading-none transition-colors hover:bg-sunken ${focusRing} ${on ? markedTone : ""}`}
            >
              {emoji}
            </button>
          );
        })}
      </div>
      <div className="flex shrink-0 items-center gap-2 px-2 pt-2">
        <label className="min-w-0 flex-1">
          <span className="sr-only">Search emoji</span>
          <input
            ref={search}
            type="text"
            data-autofocus=""
            data-testid="emoji-search"
            placeholder="Search emoji"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="done"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKey}
            className="h-9 w-full rounded-lg border border-line bg-sunken px-3 text-base text-ink placeholder:text-ink-subtle focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring sm:text-sm"
          />
        </label>
        {/* On phones the backdrop is a small target; wider screens close with a click anywhere outside. */}
        <button
          type="button"
          aria-label="Close"
          onClick={onClose}
          className={`inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-ink-muted hover:bg-sunken hover:text-ink sm:hidden ${focusRing}`}
        >
          <CloseIcon className="size-5" />
        </button>
      </div>
      <p
        role="status"
        className={searching && matches === 0 ? "px-4 py-6 text-center text-sm text-ink-muted" : "sr-only"}
      >
        {!searching ? "" : matches === 0 ? `No emoji match “${shownQuery.trim()}”.` : `${matches} emoji found.`}
      </p>
      <div ref={grid} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 pb-2">
        <EmojiGrid key={shownQuery} sections={sections} existing={marked} onPick={onPick} onExitTop={focusSearch} />
      </div>
    </ModalDialog>
  );
}
