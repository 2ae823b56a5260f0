"use client";

// The room form's topic input: free text (a new topic is fine) with suggestions of existing topics
// as you type (topic-suggestions.ts). An ARIA 1.2 combobox: the input keeps focus, the highlighted
// option is announced through aria-activedescendant; ↓/↑ move, Enter picks, Escape closes.
// Without JavaScript it is a plain text input.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { FieldNotes, textInputClasses } from "@/components/ui/text-field";
import { TOPIC_NAME_MAX } from "@/lib/validation/rooms";
import { topicMatchNote } from "./topic-match";
import { TopicOptions } from "./topic-options";
import { normaliseTopic, useTopicSuggestions } from "./topic-suggestions";

export interface TopicFieldProps {
  name: string;
  label: ReactNode;
  defaultValue?: string;
  error?: string;
  hint?: ReactNode;
  /** A topic's own limit unless a form wants a tighter one. */
  maxLength?: number;
  className?: string;
}

export function TopicField({
  name,
  label,
  defaultValue = "",
  error,
  hint,
  maxLength = TOPIC_NAME_MAX,
  className = "",
}: TopicFieldProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const matchId = `${id}-match`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const [value, setValue] = useState(defaultValue);
  // What the field opened with (a refill after a failed submit is not a change of mind).
  const [openedWith] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  // The highlighted suggestion, by name, so it stays put when a fresher list arrives.
  const [activeName, setActiveName] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const query = normaliseTopic(value);
  const { answer, topics } = useTopicSuggestions(query.toLowerCase());
  const expanded = open && topics.length > 0;
  const active = activeName === null ? -1 : topics.indexOf(activeName);
  const setActive = (index: number) => setActiveName(index >= 0 ? (topics[index] ?? null) : null);

  function choose(topic: string) {
    setValue(topic);
    setOpen(false);
    setActive(-1);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(topics.length > 0 ? 0 : -1);
        } else {
          setActive((active + 1) % topics.length);
        }
        break;
      case "ArrowUp":
        if (!expanded) break;
        event.preventDefault();
        setActive(active <= 0 ? topics.length - 1 : active - 1);
        break;
      case "Enter": {
        const topic = expanded && active >= 0 ? topics[active] : undefined;
        // Picking a suggestion must not also submit the form.
        if (topic !== undefined) {
          event.preventDefault();
          choose(topic);
        }
        break;
      }
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  }

  // Only once the member changes it: the edit form opening on its current topic needs no note.
  const match = !error && value !== openedWith ? topicMatchNote({ answer, query }) : null;

  const describedBy =
    [error ? errorId : null, match ? matchId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  const activeTopic = expanded && active >= 0 ? topics[active] : undefined;

  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink">
        {label}
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeTopic !== undefined ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          autoCapitalize="sentences"
          spellCheck={false}
          maxLength={maxLength}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          placeholder="e.g. Python, Calculus, Job hunting"
          className={textInputClasses(Boolean(error))}
        />
        <TopicOptions
          id={listId}
          optionId={optionId}
          topics={topics}
          query={query}
          active={active}
          expanded={expanded}
          onChoose={choose}
          onHover={setActive}
        />
      </div>
      {/* Screen readers hear how many suggestions there are as they type. */}
      <p aria-live="polite" className="sr-only">
        {expanded
          ? `${topics.length} ${topics.length === 1 ? "suggestion" : "suggestions"}. Use the arrow keys to choose.`
          : ""}
      </p>
      <FieldNotes errorId={errorId} error={error} hintId={hintId} hint={hint} />
      {/* The match note arrives with the suggestions, after a pause: its line is kept even while
          empty (last, where a blank line reads as spacing), so the form below does not jump as
          it comes and goes (a click aimed at the submit button would land beside it). An error
          takes its place. */}
      {error ? null : (
        <p id={matchId} data-testid="topic-match" className="mt-1.5 min-h-5 text-sm text-ink-muted">
          {match}
        </p>
      )}
    </div>
  );
}
