"use client";
// One message search result, for the search page and the room's search panel: the author's avatar and name, the room
// (across rooms), when, and the excerpt with the searched words marked. The whole row is a link to the message in its
// room (`/rooms/<slug>?m=<id>`); the room panel passes onOpen to jump in place instead of loading the page again.
import type { MouseEvent } from "react";
import { Highlight } from "@/components/highlight";
import { RelativeTime } from "@/components/relative-time";
import { ANONYMOUS_NAME, Avatar } from "@/components/ui/avatar";
import type { MessageSearchResult } from "@/lib/validation/message-search";

export interface MessageResultProps {
  result: MessageSearchResult;
  terms: readonly string[];
  /** Across rooms: name the room the message is in. */
  showRoom?: boolean;
  /** A plain click opens the message here (modified clicks still open the link, e.g. in a new tab). */
  onOpen?: (messageId: number) => void;
}

function plainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function MessageResult({ result, terms, showRoom = false, onOpen }: MessageResultProps) {
  const name = result.author?.name ?? ANONYMOUS_NAME;
  return (
    <li data-testid="message-result" data-message-id={result.id}>
      <a
        href={result.url}
        onClick={(event) => {
          if (!onOpen || !plainClick(event)) return;
          event.preventDefault();
          onOpen(result.id);
        }}
        className="flex gap-3 rounded-lg px-3 py-2.5 hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring"
      >
        <Avatar name={name} image={result.author?.avatarUrl} size="md" className="mt-0.5 shrink-0" />
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span data-testid="message-result-author" className="truncate font-semibold text-ink">
              {name}
            </span>
            {showRoom ? (
              <span data-testid="message-result-room" className="truncate text-ink-muted">
                in {result.room.name}
              </span>
            ) : null}
            <RelativeTime date={result.createdAt} className="shrink-0 text-xs text-ink-subtle" />
            {result.editedAt ? <span className="text-xs text-ink-subtle">(edited)</span> : null}
          </span>
          <span
            data-testid="message-result-excerpt"
            className="mt-0.5 block text-sm break-words whitespace-pre-wrap text-ink-muted"
          >
            <Highlight text={result.excerpt} terms={terms} />
          </span>
        </span>
      </a>
    </li>
  );
}
