"use client";
// The bar above the conversation: its heading, the connection's state, Search (message-search-button.tsx), "Pins (N)"
// (pins-button.tsx), "Questions (N)" (questions-button.tsx), "Study board" while the host has it on
// (study-board-button.tsx) and, below the people column's breakpoint, the People
// button that opens the drawer.
import type { RefObject } from "react";
import { ConnectionBadge } from "@/components/chat/connection-badge";
import { PeopleButton } from "@/components/chat/people-drawer";
import type { ConnectionStatus } from "@/components/realtime/connection-status";
import { MessageSearchButton } from "./message-search-button";
import { PinsButton } from "./pins-button";
import { QuestionsButton } from "./questions-button";
import { StudyBoardButton } from "./study-board-button";
import type { RoomPins } from "./use-room-pins";

export interface ConversationBarProps {
  status: ConnectionStatus;
  /** The room still exists: the People button counts who is online. */
  live: boolean;
  peopleId: string;
  peopleOpen: boolean;
  onOpenPeople: () => void;
  peopleButton: RefObject<HTMLButtonElement | null>;
  pins: RoomPins;
  /** Opens a pinned or found message in the conversation. */
  onJump: (messageId: number) => void;
  slug: string;
  /** Signed in: search offers every room too. */
  member: boolean;
  /** The room's weekly study board is on: its button shows. */
  studyBoard: boolean;
}

export function ConversationBar({
  status,
  live,
  peopleId,
  peopleOpen,
  onOpenPeople,
  peopleButton,
  pins,
  onJump,
  slug,
  member,
  studyBoard,
}: ConversationBarProps) {
  return (
    <div className="flex shrink-0 items-center justify-between gap-2 border-b border-line px-3 py-2 sm:px-5">
      {/* On a phone the bar needs its width for the buttons; the heading still names the section. */}
      <h2 id="conversation-heading" className="text-sm font-semibold text-ink max-[419px]:sr-only">
        Conversation
      </h2>
      <div className="flex items-center gap-2">
        <ConnectionBadge status={status} />
        <MessageSearchButton slug={slug} member={member} onJump={onJump} />
        <PinsButton pins={pins} onJump={onJump} />
        <QuestionsButton slug={slug} onJump={onJump} />
        {studyBoard ? <StudyBoardButton slug={slug} /> : null}
        <PeopleButton ref={peopleButton} live={live} controls={peopleId} expanded={peopleOpen} onOpen={onOpenPeople} />
      </div>
    </div>
  );
}
