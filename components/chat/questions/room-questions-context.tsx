"use client";
// The room's questions as the conversation's messages read them: which messages are questions (and their accepted
// answers), who may mark and accept, and the calls that do it. Provided by the room page (its use-room-questions.ts),
// read by each message's badges and tools, so the message list need not pass them through every row.
import { createContext, useContext } from "react";
import type { QuestionsList, QuestionView } from "@/lib/realtime/event-schemas";

export interface RoomQuestionsValue {
  /** The room's open and answered lists (the Questions panel); null until the first load answers. */
  list: QuestionsList | null;
  /** The questions the room has loaded, by message id. */
  byId: ReadonlyMap<number, QuestionView>;
  /** Accepted answer id → its question's id. */
  acceptedFor: ReadonlyMap<number, number>;
  /** The signed-in member's username (null for visitors). */
  viewerUsername: string | null;
  /** The room's host or a moderator: may mark, unmark, accept and unaccept anywhere in the room. */
  canManage: boolean;
  /** Members who may post: mark (`on`) or unmark a message as a question. */
  mark?: (messageId: number, on: boolean) => void;
  /** Accept `answerId` for the question, or unaccept (null). */
  accept?: (questionId: number, answerId: number | null) => void;
  /** Opens a message of the room in place. */
  onJump?: (messageId: number) => void;
}

export const RoomQuestionsContext = createContext<RoomQuestionsValue | null>(null);

/** The room's questions, or null outside a room page (the message list elsewhere shows no question tools). */
export function useRoomQuestionsContext(): RoomQuestionsValue | null {
  return useContext(RoomQuestionsContext);
}
