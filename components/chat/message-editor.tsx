"use client";
// Editing a message in place: Enter saves, Shift+Enter adds a line, Escape cancels. The same
// rules as the composer (not empty, at most 4,000 characters); the API's refusal shows inline. `@` suggests people
// as in the composer (./mentions/), their list taking Enter and the first Escape while open.
import { useParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMentions } from "./mentions/use-mentions";
import { CharacterCounter, draftProblem, isSubmitKey, MESSAGE_MAX, useAutosize } from "./text-entry";

export interface MessageEditorProps {
  initialBody: string;
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
  /** The author, who is the viewer: never suggested to themselves. */
  viewerId?: string | null;
}

export function MessageEditor({ initialBody, onSave, onCancel, viewerId = null }: MessageEditorProps) {
  const [text, setText] = useState(initialBody);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const counterId = useId();
  const errorId = useId();
  const hintId = useId();
  useAutosize(ref, text);
  const { slug = "" } = useParams<{ slug?: string }>() ?? {};
  const mentions = useMentions({ slug, viewerId, value: text, setValue: setText, textarea: ref });

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  const problem = draftProblem(text);

  async function save() {
    if (saving) return;
    if (problem === "empty") return setError("Write a message first, or delete this one instead.");
    if (problem === "too_long")
      return setError(`Messages have at most ${MESSAGE_MAX.toLocaleString("en-US")} characters.`);
    if (text === initialBody) return onCancel();
    setSaving(true);
    setError(null);
    try {
      await onSave(text);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not save the change. Try again.");
      setSaving(false);
    }
  }

  return (
    <div data-testid="message-editor" className="relative mt-1">
      {mentions.list}
      <textarea
        ref={ref}
        value={text}
        rows={1}
        aria-label="Edit message"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${hintId} ${counterId}${error ? ` ${errorId}` : ""}`}
        {...mentions.comboboxProps}
        onChange={(event) => {
          setText(event.target.value);
          mentions.track(event.target);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (mentions.onKeyDown(event)) return;
          if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          } else if (isSubmitKey(event)) {
            event.preventDefault();
            void save();
          }
        }}
        className="block max-h-64 w-full resize-none rounded-lg border border-line-strong bg-surface px-3 py-2 text-[0.9375rem] leading-relaxed text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-offset-0 focus:outline-ring/40 aria-invalid:border-rose-500"
      />
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {mentions.announcement}
      </p>
      <div className="mt-1.5 flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          onClick={() => void save()}
          pending={saving}
          pendingText="Saving…"
          disabled={problem !== null}
        >
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} aria-disabled={saving || undefined}>
          Cancel
        </Button>
        <span id={hintId} className="text-xs text-ink-subtle max-sm:hidden">
          Enter to save · Shift+Enter for a new line · Esc to cancel
        </span>
        <span className="ml-auto">
          <CharacterCounter id={counterId} length={text.length} />
        </span>
      </div>
    </div>
  );
}
