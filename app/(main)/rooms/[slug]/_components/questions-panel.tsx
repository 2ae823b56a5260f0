"use client";
// The room's questions in a sheet: Open (newest first) and Answered (latest accepted first) tabs, each entry a button
// that jumps to the question in the conversation, with a link to its public page. Loaded on demand by
// questions-button.tsx.
import Link from "next/link";
import { useState, type RefObject } from "react";
import { RelativeTime } from "@/components/relative-time";
import { ANONYMOUS_NAME } from "@/components/ui/avatar";
import { Sheet } from "@/components/ui/sheet";
import type { QuestionsList } from "@/lib/realtime/event-schemas";
import { questionPath } from "@/lib/site/question-path";

export interface QuestionsPanelProps {
  open: boolean;
  onClose: () => void;
  opener: RefObject<HTMLElement | null>;
  slug: string;
  /** Null while the first load is under way. */
  list: QuestionsList | null;
  onJump: (messageId: number) => void;
}

type Tab = "open" | "answered";

const TAB =
  "flex-1 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring";

export function QuestionsPanel({ open, onClose, opener, slug, list, onJump }: QuestionsPanelProps) {
  const [tab, setTab] = useState<Tab>("open");
  const shown = list ? list[tab] : null;
  return (
    <Sheet
      open={open}
      onClose={onClose}
      title="Questions"
      returnFocus={() => opener.current}
      data-testid="questions-panel"
      bodyClassName="p-2"
    >
      <div role="tablist" aria-label="Questions" className="mb-2 flex gap-1 rounded-lg bg-sunken p-1">
        {(["open", "answered"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            data-testid={`questions-tab-${name}`}
            onClick={() => setTab(name)}
            className={`${TAB} ${tab === name ? "bg-surface text-ink shadow-sm" : "text-ink-muted hover:text-ink"}`}
          >
            {name === "open" ? "Open" : "Answered"} ({list ? list[name].length : "…"})
          </button>
        ))}
      </div>
      {shown === null ? (
        <p role="status" className="px-3 py-6 text-center text-sm text-ink-muted">
          Loading questions…
        </p>
      ) : shown.length === 0 ? (
        <p data-testid="questions-empty" className="px-3 py-6 text-center text-sm text-ink-muted">
          {tab === "open"
            ? "No open questions. Press Ask in the composer to post one."
            : "No answered questions yet. The asker accepts a reply as the answer."}
        </p>
      ) : (
        <ul role="tabpanel" aria-label={tab === "open" ? "Open questions" : "Answered questions"}>
          {shown.map((question) => (
            <li
              key={question.messageId}
              data-testid="question-entry"
              data-message-id={question.messageId}
              className="flex flex-col gap-0.5 rounded-lg px-3 py-2 hover:bg-sunken"
            >
              <button
                type="button"
                onClick={() => onJump(question.messageId)}
                className="min-w-0 rounded text-left focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="flex items-baseline gap-2 text-sm">
                  <span className="truncate font-semibold text-ink">{question.author?.name ?? ANONYMOUS_NAME}</span>
                  <RelativeTime date={question.createdAt} className="shrink-0 text-xs text-ink-subtle" />
                </span>
                <span className="mt-0.5 line-clamp-3 block text-sm break-words text-ink-muted">{question.excerpt}</span>
              </button>
              <span className="flex gap-3 text-xs text-ink-subtle">
                <span>
                  {question.answerCount} {question.answerCount === 1 ? "answer" : "answers"}
                </span>
                <Link
                  href={questionPath(slug, question.messageId)}
                  data-testid="question-page-link"
                  className="font-medium text-accent-ink underline underline-offset-2"
                >
                  Question page
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}
