"use client";
// What the composer and the inline editor share: the auto-growing textarea, the Enter key rule
// and the length counter that appears near the 4,000-character limit.
import { useLayoutEffect, type KeyboardEvent, type RefObject } from "react";
import { MESSAGE_MAX } from "@/lib/validation/messages";

export { MESSAGE_MAX };

/** The counter shows from here on. */
export const COUNTER_FROM = MESSAGE_MAX - 500;

/** Grows the textarea with its text; CSS max-height caps it (then it scrolls). */
export function useAutosize(ref: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.style.height = "auto";
    textarea.style.height = `${textarea.scrollHeight + (textarea.offsetHeight - textarea.clientHeight)}px`;
  }, [ref, value]);
}

/**
 * Enter (without Shift) submits; Shift+Enter adds a line. Never while an input method is
 * composing (Japanese, Chinese, Korean …): that Enter picks the candidate.
 */
export function isSubmitKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return (
    event.key === "Enter" &&
    !event.shiftKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.nativeEvent.isComposing &&
    // Safari reports the composition's final Enter with keyCode 229 and isComposing false.
    event.nativeEvent.keyCode !== 229
  );
}

export type DraftProblem = "empty" | "too_long" | null;

export function draftProblem(text: string): DraftProblem {
  if (text.trim().length === 0) return "empty";
  if (text.length > MESSAGE_MAX) return "too_long";
  return null;
}

const count = (n: number) => n.toLocaleString("en-US");

export interface CharacterCounterProps {
  id: string;
  length: number;
}

/** "3,950 / 4,000", red past the limit; nothing until the text is near it. */
export function CharacterCounter({ id, length }: CharacterCounterProps) {
  if (length < COUNTER_FROM) return <span id={id} hidden />;
  const over = length > MESSAGE_MAX;
  return (
    <span
      id={id}
      data-testid="character-counter"
      data-over={over || undefined}
      className={`text-xs tabular-nums ${over ? "font-semibold text-rose-700 dark:text-rose-300" : "text-ink-subtle"}`}
    >
      {count(length)} / {count(MESSAGE_MAX)}
      {over ? (
        <span className="sr-only"> characters: {count(length - MESSAGE_MAX)} too many</span>
      ) : (
        <span className="sr-only"> characters</span>
      )}
    </span>
  );
}
