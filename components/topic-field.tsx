"use client";

// The room form's topic input: free text (a new topic is fine) with suggestions of existing topics
// as you type, fetched from GET /api/topics through TanStack Query (each query asked once per
// few minutes, answers cached across forms, the previous list kept while the next loads). An ARIA
// 1.2 combobox: the input keeps focus, the highlighted option is announced through
// aria-activedescendant; ↓/↑ move, Enter picks, Escape closes. Without JavaScript it is a plain
// text input.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { FieldError } from "./ui/text-field";
import { useDebouncedValue } from "./use-debounced-value";
import { OutlineIcon } from "@/components/outline-icon";

export interface TopicFieldProps {
  name: string;
  label: ReactNode;
  defaultValue?: string;
  error?: string;
  hint?: ReactNode;
  maxLength?: number;
  className?: string;
}

const DEBOUNCE_MS = 150;

function normalise(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

/** The name with the part that matches `query` in bold (first match, case-insensitive). */
function Highlighted({ text, query }: { text: string; query: string }) {
  const at = query ? text.toLowerCase().indexOf(query.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="font-semibold text-ink">{text.slice(at, at + query.length)}</span>
      {text.slice(at + query.length)}
    </>
  );
}

/** Topic names matching `key`; offline or refused, none (the field still takes any topic typed). */
async function fetchTopicNames(key: string, signal: AbortSignal): Promise<string[]> {
  const response = await fetch(`/api/topics?q=${encodeURIComponent(key)}`, { signal });
  if (!response.ok) return [];
  const body = (await response.json()) as { topics?: unknown };
  return Array.isArray(body.topics) ? body.topics.filter((t): t is string => typeof t === "string") : [];
}

export function TopicField({
  name,
  label,
  defaultValue = "",
  error,
  hint,
  maxLength,
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

  const query = normalise(value);
  const key = query.toLowerCase();
  const askedKey = useDebouncedValue(key, DEBOUNCE_MS);
  const suggestions = useQuery({
    queryKey: ["topic-suggestions", askedKey],
    queryFn: ({ signal }) => fetchTopicNames(askedKey, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  // This query's answer, once it is in; until then the last list narrowed to what still matches.
  const answer =
    suggestions.data !== undefined && !suggestions.isPlaceholderData && askedKey === key ? suggestions.data : undefined;
  const topics = answer ?? (suggestions.data ?? []).filter((topic) => topic.toLowerCase().includes(key));
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

  // Tells the member whether they are joining an existing topic (any case) or starting one.
  const existing = answer && query.length >= 2 ? answer.find((t) => t.toLowerCase() === key) : undefined;
  let match: ReactNode = null;
  // Only once the member changes it: the edit form opening on its current topic needs no note.
  if (answer && query.length >= 2 && !error && value !== openedWith) {
    match = existing ? (
      existing === query ? (
        <>Existing topic.</>
      ) : (
        <>
          Joins the existing topic <span className="font-medium text-ink">{existing}</span>.
        </>
      )
    ) : (
      <>
        A new topic: <span className="font-medium text-ink">{query}</span>.
      </>
    );
  }

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
          className={`block h-11 w-full rounded-lg border bg-surface px-3 text-base text-ink shadow-sm shadow-black/[0.02] transition placeholder:text-ink-subtle focus:outline-none focus-visible:ring-3 sm:h-10 sm:text-sm ${
            error
              ? "border-rose-600 focus:border-rose-600 focus-visible:ring-rose-500/30 dark:border-rose-400 dark:focus:border-rose-400"
              : "border-line-strong hover:border-ink-subtle/60 focus:border-accent focus-visible:ring-ring/30"
          }`}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Existing topics"
          hidden={!expanded}
          data-testid="topic-suggestions"
          className="absolute top-full right-0 left-0 z-30 mt-1 max-h-64 overflow-y-auto rounded-xl border border-line bg-surface p-1 shadow-lg shadow-black/10 dark:shadow-black/40"
        >
          {topics.map((topic, index) => (
            // The keyboard stays in the combobox's input, which picks the active option on Enter.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={topic}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keeps focus in the input, so choosing with the pointer does not blur (and close) first.
              onPointerDown={(event) => event.preventDefault()}
              onClick={() => choose(topic)}
              onPointerMove={() => setActive(index)}
              className={`flex cursor-pointer items-center justify-between gap-3 rounded-lg px-3 py-2 text-sm text-ink-muted ${
                index === active ? "bg-accent-soft text-ink" : ""
              }`}
            >
              <span className="truncate">
                <Highlighted text={topic} query={query} />
              </span>
              {topic.toLowerCase() === key ? (
                <OutlineIcon strokeWidth="1.75" className="size-4 shrink-0 text-accent">
                  <path d="m4.5 10.5 3.5 3.5 7.5-8" />
                </OutlineIcon>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {/* Screen readers hear how many suggestions there are as they type. */}
      <p aria-live="polite" className="sr-only">
        {expanded
          ? `${topics.length} ${topics.length === 1 ? "suggestion" : "suggestions"}. Use the arrow keys to choose.`
          : ""}
      </p>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      {hint ? (
        <p id={hintId} className="mt-1.5 text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
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
