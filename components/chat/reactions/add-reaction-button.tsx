"use client";
// "Add reaction": opens the emoji picker beside it, at the end of a message's reactions and in its hover toolbar. The
// picker and its catalogue load on first use (started as the pointer or focus arrives), not with the room page.
import dynamic from "next/dynamic";
import { useState } from "react";
import { flushSync } from "react-dom";
import { AddReactionIcon } from "@/components/ui/icons";

const loadPicker = () => import("./reaction-picker");
const ReactionPicker = dynamic(() => loadPicker().then((m) => m.ReactionPicker), { ssr: false });

export interface AddReactionButtonProps {
  /** After the picker closed and focus is back on the button: the emoji picked (toggle it if it is the viewer's). */
  onPick: (emoji: string) => void;
  /** Emoji already on the message: the picker marks them. */
  existing: readonly string[];
  className?: string;
  /** Its accessible name and tooltip. */
  label?: string;
  testId?: string;
}

const TOOLBAR_BUTTON =
  "flex size-8 items-center justify-center rounded-md text-ink-muted transition hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring";

export function AddReactionButton({
  onPick,
  existing,
  className = TOOLBAR_BUTTON,
  label = "Add reaction",
  testId = "add-reaction",
}: AddReactionButtonProps) {
  // The button's box when pressed (null: closed): where the popover opens.
  const [anchor, setAnchor] = useState<{ rect: DOMRect; button: HTMLButtonElement } | null>(null);

  const close = () => {
    const button = anchor?.button;
    // Unmounted now, so the modal has left and the page behind is no longer inert: focus can go back to the button.
    flushSync(() => setAnchor(null));
    button?.focus();
  };

  return (
    <>
      <button
        type="button"
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        data-testid={testId}
        className={className}
        onPointerEnter={() => void loadPicker()}
        onFocus={() => void loadPicker()}
        onClick={(event) =>
          setAnchor({ rect: event.currentTarget.getBoundingClientRect(), button: event.currentTarget })
        }
      >
        <AddReactionIcon />
      </button>
      {anchor ? (
        <ReactionPicker
          anchorRect={anchor.rect}
          existing={existing}
          onClose={close}
          onPick={(emoji) => {
            close();
            onPick(emoji);
          }}
        />
      ) : null}
    </>
  );
}
