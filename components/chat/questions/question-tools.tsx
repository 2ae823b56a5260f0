"use client";
// A message's question tools in its action bar: "Mark as question" / "Unmark question" for its author, the host and
// moderators; on a reply to a question, "Accept answer" / "Unaccept answer" for the asker, the host and moderators.
import type { ChatMessage } from "@/lib/chat/message-payload";
import { useRoomQuestionsContext, type RoomQuestionsValue } from "./room-questions-context";

interface QuestionTool {
  label: string;
  testId: string;
  run: () => void;
}

/** The tools this viewer has on this message (none for visitors and outside a room page). */
export function questionToolsOf(message: ChatMessage, questions: RoomQuestionsValue | null): QuestionTool[] {
  if (!questions?.viewerUsername) return [];
  const { byId, viewerUsername, canManage, mark, accept } = questions;
  const tools: QuestionTool[] = [];
  const question = byId.get(message.id);
  if (mark && (canManage || message.author?.username === viewerUsername)) {
    if (!question)
      tools.push({ label: "Mark as question", testId: "mark-question", run: () => mark(message.id, true) });
    else if (question.acceptedAnswerId === null)
      tools.push({ label: "Unmark question", testId: "unmark-question", run: () => mark(message.id, false) });
  }
  const asked = message.replyTo ? byId.get(message.replyTo.id) : undefined;
  if (accept && asked && (canManage || asked.author?.username === viewerUsername)) {
    const isAccepted = asked.acceptedAnswerId === message.id;
    tools.push(
      isAccepted
        ? { label: "Unaccept answer", testId: "unaccept-answer", run: () => accept(asked.messageId, null) }
        : { label: "Accept answer", testId: "accept-answer", run: () => accept(asked.messageId, message.id) },
    );
  }
  return tools;
}

export function useQuestionTools(message: ChatMessage): QuestionTool[] {
  return questionToolsOf(message, useRoomQuestionsContext());
}

export function QuestionToolButtons({ tools, className }: { tools: QuestionTool[]; className: string }) {
  return tools.map((tool) => (
    <button
      key={tool.testId}
      type="button"
      aria-label={tool.label}
      title={tool.label}
      data-testid={tool.testId}
      className={`${className} w-auto px-2 text-xs font-medium`}
      onClick={tool.run}
    >
      <span aria-hidden="true">{tool.testId.endsWith("question") ? "Q?" : "✓"}</span>
    </button>
  ));
}
