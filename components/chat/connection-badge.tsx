"use client";
// The live connection's state beside the conversation's title: a dot and a word (never colour
// alone), announced politely when it changes.
import type { ConnectionStatus } from "@/components/realtime/connection-status";

const LOOK: Record<Exclude<ConnectionStatus, "disabled">, { label: string; dot: string; text: string }> = {
  connected: { label: "Connected", dot: "bg-emerald-500", text: "text-emerald-800 dark:text-emerald-200" },
  connecting: { label: "Connecting…", dot: "bg-amber-400 animate-pulse", text: "text-ink-muted" },
  reconnecting: {
    label: "Reconnecting…",
    dot: "bg-amber-500 animate-pulse",
    text: "text-amber-800 dark:text-amber-200",
  },
  offline: { label: "Offline", dot: "bg-rose-500", text: "text-rose-800 dark:text-rose-200" },
};

export interface ConnectionBadgeProps {
  status: ConnectionStatus;
}

export function ConnectionBadge({ status }: ConnectionBadgeProps) {
  if (status === "disabled") {
    // No live channel (none configured, or the subscription was refused): the page polls instead.
    return (
      <span role="status" data-testid="connection-badge" data-status="disabled" className="text-xs text-ink-subtle">
        Not live · updates every few seconds
      </span>
    );
  }
  const look = LOOK[status];
  return (
    <span
      role="status"
      data-testid="connection-badge"
      data-status={status}
      className={`inline-flex items-center gap-1.5 rounded-full border border-line bg-surface px-2 py-0.5 text-xs font-medium ${look.text}`}
    >
      <span aria-hidden="true" className={`size-2 rounded-full motion-reduce:animate-none ${look.dot}`} />
      {look.label}
    </span>
  );
}
