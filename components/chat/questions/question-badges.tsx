"use client";
// A message's question markers: "Question" or "Answered" (with a link that jumps to the accepted answer) on a
// question, "Accepted answer" on the reply that was accepted. Read from the room's questions (room-questions-context).
import type { ChatMessage } from "@/lib/chat/message-payload";
import { useRoomQuestionsContext } from "./room-questions-context";

const BADGE = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

export function QuestionBadges({ message }: { message: ChatMessage }) {
  const questions = useRoomQuestionsContext();
  if (!questions) return null;
  const question = questions.byId.get(message.id);
  const accepted = questions.acceptedFor.has(message.id);
  if (!question && !accepted) return null;
  const answerId = question?.acceptedAnswerId ?? null;
  return (
    <span className="mt-1 flex flex-wrap items-center gap-1.5">
      {question && answerId === null ? (
        <span data-testid="question-badge" className={`${BADGE} bg-accent-soft text-accent-ink`}>
          Question
        </span>
      ) : null}
      {question && answerId !== null ? (
        <>
          <span
            data-testid="question-answered-badge"
            className={`${BADGE} bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200`}
          >
            Answered
          </span>
          {questions.onJump ? (
            <button
              type="button"
              data-testid="question-jump-answer"
              onClick={() => questions.onJump?.(answerId)}
              className="rounded text-xs font-medium text-accent-ink underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-ring"
            >
              See the accepted answer
            </button>
          ) : null}
        </>
      ) : null}
      {accepted ? (
        <span
          data-testid="accepted-answer-badge"
          className={`${BADGE} bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200`}
        >
          Accepted answer
        </span>
      ) : null}
    </span>
  );
}
