"use client";
// The room's message search in a sheet (a panel from the right, a sheet from the bottom on phones): the words and
// filters, then the results, best match first, each opening its message in the conversation (the jump) and closing
// the panel. Members get a link to the same search across every room. Loaded on demand by message-search-button.tsx.
import Link from "next/link";
import { useState, type FormEvent, type RefObject } from "react";
import { MessageResults } from "@/components/search/message-results";
import { MessageSearchFields } from "@/components/search/message-search-fields";
import { useMessageSearch, type MessageSearchInput } from "@/components/search/use-message-search";
import { Button, Spinner } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Sheet } from "@/components/ui/sheet";

export interface MessageSearchPanelProps {
  open: boolean;
  onClose: () => void;
  opener: RefObject<HTMLElement | null>;
  slug: string;
  member: boolean;
  onJump: (messageId: number) => void;
}

function inputOf(form: HTMLFormElement): MessageSearchInput {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? "").trim() || undefined;
  return {
    q: value("q") ?? "",
    author: value("author"),
    from: value("from"),
    to: value("to"),
    sort: value("sort") === "newest" ? "newest" : "relevance",
  };
}

export function MessageSearchPanel({ open, onClose, opener, slug, member, onJump }: MessageSearchPanelProps) {
  const search = useMessageSearch(`/api/rooms/${slug}/messages/search`);
  const [input, setInput] = useState<MessageSearchInput>({ q: "" });
  const everywhere = `/search/messages?${new URLSearchParams({ q: input.q }).toString()}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = inputOf(event.currentTarget);
    setInput(next);
    search.search(next);
  };

  return (
    <Sheet
      open={open}
      onClose={onClose}
      title="Search this room"
      returnFocus={() => opener.current}
      data-testid="message-search-panel"
      bodyClassName="p-3"
    >
      <form role="search" onSubmit={submit} className="flex flex-col gap-2" data-testid="message-search-form">
        <MessageSearchFields values={input} label="Search messages in this room" />
        <Button type="submit" size="sm" className="self-end" data-testid="message-search-submit">
          Search
        </Button>
      </form>
      <div aria-live="polite" className="mt-3">
        {search.status === "loading" ? (
          <p role="status" className="flex items-center gap-2 px-3 py-4 text-sm text-ink-muted">
            <Spinner /> Searching…
          </p>
        ) : null}
        {search.status === "error" && search.error ? (
          <FormAlert tone="error" className="my-2">
            <span data-testid="message-search-error">{search.error}</span>
          </FormAlert>
        ) : null}
        {search.answer ? <MessageResults answer={search.answer} q={input.q} onOpen={onJump} /> : null}
        {search.answer?.nextCursor ? (
          <Button
            variant="secondary"
            size="sm"
            className="mt-2 w-full"
            onClick={search.more}
            disabled={search.loadingMore}
            data-testid="message-search-more"
          >
            {search.loadingMore ? "Loading…" : "Older results"}
          </Button>
        ) : null}
      </div>
      {member ? (
        <p className="mt-4 border-t border-line pt-3 text-center text-sm">
          <Link href={everywhere} className="font-medium text-accent hover:underline" data-testid="message-search-all">
            Search every room
          </Link>
        </p>
      ) : null}
    </Sheet>
  );
}
