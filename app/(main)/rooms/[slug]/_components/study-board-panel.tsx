"use client";
// The room's weekly study board in a sheet: rank, avatar, name and study time this ISO week (from Monday 00:00 UTC) in
// this room's focus sessions. Loaded on demand by study-board-button.tsx.
import Link from "next/link";
import type { RefObject } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Sheet } from "@/components/ui/sheet";
import type { StudyBoardAnswer } from "@/lib/study/board-client";
import { formatStudyTime } from "@/lib/study/format";

export interface StudyBoardPanelProps {
  open: boolean;
  onClose: () => void;
  opener: RefObject<HTMLElement | null>;
  /** Undefined until the first answer arrives; null once the host turned the board off. */
  board: StudyBoardAnswer | null | undefined;
  /** A fresh copy is on its way (the panel shows the last one meanwhile). */
  loading: boolean;
  failed: boolean;
}

const weekOf = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: "UTC" });

export function StudyBoardPanel({ open, onClose, opener, board, loading, failed }: StudyBoardPanelProps) {
  return (
    <Sheet
      open={open}
      onClose={onClose}
      title="Study board"
      returnFocus={() => opener.current}
      data-testid="study-board-panel"
      bodyClassName="p-2"
    >
      <p className="px-3 pt-1 pb-2 text-xs text-ink-muted">
        {board
          ? `Time in this room’s focus sessions since Monday, ${weekOf.format(new Date(board.weekStart))} (UTC).`
          : "Time in this room’s focus sessions this week."}
        {loading ? (
          <span role="status" className="ml-1">
            Updating…
          </span>
        ) : null}
      </p>
      {failed ? (
        <p role="alert" className="px-3 pb-2 text-sm text-rose-700 dark:text-rose-300">
          {board
            ? "The board could not be updated. It shows the last figures loaded."
            : "The board could not be loaded."}
        </p>
      ) : null}
      {board === null ? (
        <p data-testid="study-board-off" className="px-3 py-6 text-center text-sm text-ink-muted">
          This room no longer shows a study board.
        </p>
      ) : !board ? null : board.entries.length === 0 ? (
        <p data-testid="study-board-empty" className="px-3 py-6 text-center text-sm text-ink-muted">
          Nobody has studied here this week yet. Join a focus session to be the first on the board.
        </p>
      ) : (
        <ol aria-label="Study time this week" data-testid="study-board">
          {board.entries.map((entry) => (
            <li
              key={entry.member.id}
              data-testid="study-board-entry"
              className="flex items-center gap-3 rounded-lg px-3 py-2 hover:bg-sunken"
            >
              <span className="w-6 shrink-0 text-right text-sm font-semibold text-ink-muted tabular-nums">
                {entry.rank}
              </span>
              <Avatar name={entry.member.name} image={entry.member.avatarUrl} size="md" />
              <Link
                href={`/u/${entry.member.username}`}
                className="min-w-0 flex-1 truncate rounded text-sm font-medium text-ink hover:underline focus-visible:outline-2 focus-visible:outline-ring"
              >
                {entry.member.name}
              </Link>
              <span className="shrink-0 text-sm text-ink-muted tabular-nums">{formatStudyTime(entry.studyMs)}</span>
            </li>
          ))}
        </ol>
      )}
    </Sheet>
  );
}
