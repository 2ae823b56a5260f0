"use client";

// The topic field's list of suggestions (the combobox's listbox): the typed part of each name in
// bold, a check beside an exact match.
import { OutlineIcon } from "@/components/ui/icons";

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

export interface TopicOptionsProps {
  id: string;
  optionId: (index: number) => string;
  topics: string[];
  query: string;
  active: number;
  expanded: boolean;
  onChoose: (topic: string) => void;
  onHover: (index: number) => void;
}

export function TopicOptions({ id, optionId, topics, query, active, expanded, onChoose, onHover }: TopicOptionsProps) {
  const key = query.toLowerCase();
  return (
    <ul
      id={id}
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
          onClick={() => onChoose(topic)}
          onPointerMove={() => onHover(index)}
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
  );
}
