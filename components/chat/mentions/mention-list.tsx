"use client";
// The mention combobox's listbox, loaded on the first `@` (./use-mentions.ts): people online in the room who match,
// at once, then the server's suggestions (participants, latest posters first), asked for after a short pause and
// cached per prefix. It reports what it lists, so that the text box's keys can move through it and pick from it.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { Highlight } from "@/components/highlight";
import { useRoomOnline } from "@/components/presence/room-online";
import { Avatar } from "@/components/ui/avatar";
import { useDebouncedValue } from "@/components/use-debounced-value";
import { fetchMentionCandidates } from "@/lib/chat/client/chat-api";
import { mergeMentionCandidates } from "@/lib/chat/client/mention-match";
import type { Person } from "@/lib/presence/members";

const DEBOUNCE_MS = 120;

export interface MentionListProps {
  id: string;
  optionId: (index: number) => string;
  slug: string;
  viewerId: string | null;
  /** What follows the `@`, lower-case. */
  query: string;
  active: number;
  open: boolean;
  /** The list as shown now; `settled` once the server has answered for this very query (or failed to). */
  onOptions: (options: Person[], settled: boolean) => void;
  onChoose: (person: Person) => void;
  onHover: (index: number) => void;
}

export function MentionList({ id, optionId, slug, viewerId, query, active, open, ...on }: MentionListProps) {
  const { faces } = useRoomOnline();
  const asked = useDebouncedValue(query, DEBOUNCE_MS);
  const answer = useQuery({
    queryKey: ["mention-candidates", slug, asked],
    queryFn: ({ signal }) => fetchMentionCandidates(slug, asked, signal),
    // Outside a room page (no slug) only the people online are suggested.
    enabled: slug !== "",
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    // A refusal (rate limit, a lost session) leaves the online people listed; asking again would not help.
    retry: false,
  });
  const current = asked === query && !answer.isPlaceholderData;
  const settled = current && (answer.isSuccess || answer.isError);
  const options = useMemo(
    () => mergeMentionCandidates({ online: faces ?? [], answer: answer.data ?? [], query, viewerId }),
    [faces, answer.data, query, viewerId],
  );

  const report = useRef(on.onOptions);
  useLayoutEffect(() => {
    report.current = on.onOptions;
  });
  // Before paint: the box's aria-expanded and the list change in one frame, without a flicker per keystroke.
  useLayoutEffect(() => report.current(options, settled), [options, settled]);

  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [open, active, optionId]);

  return (
    <ul
      id={id}
      role="listbox"
      aria-label="People to mention"
      hidden={!open}
      data-testid="mention-suggestions"
      className="absolute right-0 bottom-full left-0 z-30 mb-2 max-h-[min(18rem,45dvh)] overflow-y-auto rounded-xl border border-line bg-surface p-1 shadow-lg shadow-black/10 dark:shadow-black/40"
    >
      {options.map((person, index) => (
        // The keyboard stays in the text box, which picks the active option on Enter or Tab.
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events
        <li
          key={person.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          data-testid="mention-option"
          data-username={person.username}
          // Keeps the focus in the box, so choosing with the pointer does not blur (and close) the list first.
          onPointerDown={(event) => event.preventDefault()}
          onClick={() => on.onChoose(person)}
          onPointerMove={() => on.onHover(index)}
          className={`flex cursor-pointer items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-sm ${
            index === active ? "bg-accent-soft text-ink" : "text-ink-muted"
          }`}
        >
          <span aria-hidden="true" className="flex">
            <Avatar name={person.name} image={person.avatarUrl} size="sm" />
          </span>
          <span className="min-w-0 truncate font-medium text-ink">
            <Highlight text={person.name} query={person.name.toLowerCase().startsWith(query) ? query : ""} />
          </span>
          <span className="min-w-0 shrink-0 truncate text-ink-subtle">
            @<Highlight text={person.username} query={person.username.startsWith(query) ? query : ""} />
          </span>
        </li>
      ))}
    </ul>
  );
}
