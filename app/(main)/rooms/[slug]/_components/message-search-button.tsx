"use client";
// "Search" in the conversation bar, and the room's message search panel it opens. The panel's code loads when first
// opened (next/dynamic), so the room page's first load carries only this button.
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { SearchIcon } from "@/components/search/search-icon";

const MessageSearchPanel = dynamic(() => import("./message-search-panel").then((m) => m.MessageSearchPanel), {
  ssr: false,
});

export interface MessageSearchButtonProps {
  slug: string;
  /** Signed in: the panel links to the search across rooms. */
  member: boolean;
  /** Opens a found message in the conversation. */
  onJump: (messageId: number) => void;
}

export function MessageSearchButton({ slug, member, onJump }: MessageSearchButtonProps) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label="Search messages in this room"
        data-testid="message-search-open"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-2.5 text-sm font-medium whitespace-nowrap text-ink shadow-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <SearchIcon className="size-4" />
        <span className="max-sm:sr-only">Search</span>
      </button>
      {opened ? (
        <MessageSearchPanel
          open={open}
          onClose={() => setOpen(false)}
          opener={button}
          slug={slug}
          member={member}
          onJump={(id) => {
            setOpen(false);
            onJump(id);
          }}
        />
      ) : null}
    </>
  );
}
