// Audit entries as a read-only list: who did what to which target, when, and the detail.
import { RelativeTime } from "@/components/relative-time";
import { actionLabel } from "@/lib/admin/registry";
import type { AuditEntry } from "@/lib/db/audit-log";
import { Timestamp } from "./timestamp";

export interface AuditListProps {
  entries: AuditEntry[];
  /** Exact timestamps (the log page) or relative ones (the dashboard). */
  exact?: boolean;
}

export function AuditList({ entries, exact = false }: AuditListProps) {
  return (
    <ol className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="audit-list">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:gap-4"
          data-testid="audit-entry"
          data-action={entry.action}
        >
          <div className="min-w-0 flex-1">
            <p className="text-sm text-ink">
              <span className="font-semibold">@{entry.actorUsername}</span>{" "}
              <span className="text-ink-muted">{actionLabel(entry.action).toLowerCase()}</span>{" "}
              {entry.targetLabel ? <span className="font-medium break-words">{entry.targetLabel}</span> : null}
            </p>
            {entry.detail ? <p className="mt-0.5 text-sm break-words text-ink-muted">{entry.detail}</p> : null}
          </div>
          <p className="shrink-0 text-xs text-ink-subtle">
            <span className="mr-2 font-mono">{entry.action}</span>
            {exact ? <Timestamp date={entry.createdAt} /> : <RelativeTime date={entry.createdAt} />}
          </p>
        </li>
      ))}
    </ol>
  );
}
