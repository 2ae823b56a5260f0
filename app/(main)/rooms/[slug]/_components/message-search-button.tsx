"use client";
// "Search" in the conversation bar, and the room's message search panel it opens. The panel's code loads when first
// opened (next/dynamic), so the room page's first load carries only this button.
import dynamic from "next/dynamic";
import { SearchIcon } from "@/components/search/search-icon";
import { PanelButton, usePanel } from "./panel-button";

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
  const { open, opened, buttonRef, show, close } = usePanel();
  return (
    <>
      <PanelButton
        ref={buttonRef}
        label="Search messages in this room"
        testId="message-search-open"
        expanded={open}
        onClick={show}
      >
        <SearchIcon className="size-4" />
        <span className="max-sm:sr-only">Search</span>
      </PanelButton>
      {opened ? (
        <MessageSearchPanel
          open={open}
          onClose={close}
          opener={buttonRef}
          slug={slug}
          member={member}
          onJump={(id) => {
            close();
            onJump(id);
          }}
        />
      ) : null}
    </>
  );
}
