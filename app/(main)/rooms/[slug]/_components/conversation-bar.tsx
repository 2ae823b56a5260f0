"use client";
// The bar above the conversation: its heading, the connection's state and, below the people
// column's breakpoint, the People button that opens the drawer.
import type { RefObject } from "react";
import { ConnectionBadge } from "@/components/chat/connection-badge";
import { PeopleButton } from "@/components/chat/people-drawer";
import type { ConnectionStatus } from "@/components/realtime/connection-status";

export interface ConversationBarProps {
  status: ConnectionStatus;
  /** The room still exists: the People button counts who is online. */
  live: boolean;
  peopleId: string;
  peopleOpen: boolean;
  onOpenPeople: () => void;
  peopleButton: RefObject<HTMLButtonElement | null>;
}

export function ConversationBar({
  status,
  live,
  peopleId,
  peopleOpen,
  onOpenPeople,
  peopleButton,
}: ConversationBarProps) {
  return (
    <div className="flex shrink-0 items-center justify-between gap-2 border-b border-line px-4 py-2 sm:px-5">
      <h2 id="conversation-heading" className="text-sm font-semibold text-ink">
        Conversation
      </h2>
      <div className="flex items-center gap-2">
        <ConnectionBadge status={status} />
        <PeopleButton ref={peopleButton} live={live} controls={peopleId} expanded={peopleOpen} onOpen={onOpenPeople} />
      </div>
    </div>
  );
}
