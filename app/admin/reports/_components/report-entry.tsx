// One reported message in the queue: the message quoted between its neighbours in the room (each a link to it there),
// how many reported it, who and why, and what the moderator may answer with.
import Link from "next/link";
import { Badge } from "@/components/admin/badges";
import { linkClass } from "@/components/admin/styles";
import { Timestamp } from "@/components/admin/timestamp";
import { excerpt } from "@/lib/admin/audit";
import type { ContextMessage, QueueEntry } from "@/lib/db/reports";
import { REPORT_REASON_LABELS, type ReportReasonKey } from "@/lib/validation/reports";
import { ReportActions } from "./report-actions";
import { messageHref } from "@/lib/chat/client/jump";

function ContextLine({ slug, message }: { slug: string; message: ContextMessage }) {
  return (
    <li className="text-sm text-ink-muted">
      <Link href={messageHref(slug, message.id)} className="hover:underline">
        <span className="font-medium">{message.username ? `@${message.username}` : "Anonymous User"}:</span>{" "}
        {excerpt(message.body, 160)}
      </Link>
    </li>
  );
}

export interface ReportEntryProps {
  entry: QueueEntry;
  /** The caller may act on the author (mayActOn): moderators leave staff members' messages to admins. */
  mayAct: boolean;
}

export function ReportEntry({ entry, mayAct }: ReportEntryProps) {
  const { room, author } = entry;
  return (
    <li
      className="flex flex-col gap-3 px-4 py-4"
      data-testid="report-entry"
      data-message-id={entry.messageId}
      data-report-count={entry.count}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="danger">
          <span data-testid="report-count">{entry.count}</span> report{entry.count === 1 ? "" : "s"}
        </Badge>
        <span className="text-ink-muted">
          in{" "}
          <Link href={`/rooms/${encodeURIComponent(room.slug)}`} className={linkClass}>
            {room.name}
          </Link>{" "}
          · first <Timestamp date={entry.firstReportedAt} />
        </span>
      </div>
      <ol className="min-w-0 space-y-1 border-l-2 border-line pl-3" aria-label="The message in its conversation">
        {entry.before.map((m) => (
          <ContextLine key={m.id} slug={room.slug} message={m} />
        ))}
        <li className="rounded-md bg-rose-50 px-2 py-1.5 dark:bg-rose-950/30" data-testid="reported-message">
          <Link href={messageHref(room.slug, entry.messageId)} className="block text-sm break-words text-ink">
            <span className="font-semibold">{author ? `@${author.username}` : "Anonymous User"}:</span>{" "}
            <span className="whitespace-pre-line">{excerpt(entry.body, 400)}</span>
          </Link>
          <span className="text-xs text-ink-subtle">
            <Timestamp date={entry.createdAt} />
          </span>
        </li>
        {entry.after.map((m) => (
          <ContextLine key={m.id} slug={room.slug} message={m} />
        ))}
      </ol>
      <ul className="space-y-1 text-sm" aria-label="Reports" data-testid="report-reasons">
        {entry.reports.map((r) => (
          <li key={r.username} className="break-words text-ink">
            <span className="font-medium">@{r.username}</span>:{" "}
            {REPORT_REASON_LABELS[r.reason.toLowerCase() as ReportReasonKey]}
            {r.note ? <span className="text-ink-muted"> — “{r.note}”</span> : null}
          </li>
        ))}
      </ul>
      {mayAct ? (
        <ReportActions messageId={entry.messageId} roomName={room.name} authorUsername={author?.username ?? null} />
      ) : (
        <p data-testid="report-staff" className="text-xs text-ink-subtle">
          About a staff member’s message: only admins handle it.
        </p>
      )}
    </li>
  );
}
