// Small coloured labels for states in admin lists and headers (role, locked, muted …).
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "accent" | "danger" | "warning" | "success";

const badgeTones: Record<BadgeTone, string> = {
  neutral: "bg-sunken text-ink-muted",
  accent: "bg-accent-soft text-accent-ink",
  danger: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200",
  warning: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  success: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${badgeTones[tone]}`}
    >
      {children}
    </span>
  );
}

export function RoleBadge({ role }: { role: "MEMBER" | "MODERATOR" | "ADMIN" }) {
  if (role === "ADMIN") return <Badge tone="accent">Admin</Badge>;
  if (role === "MODERATOR") return <Badge tone="accent">Moderator</Badge>;
  return null;
}

export function RestrictionBadge({ kind }: { kind: "BAN" | "MUTE" }) {
  return kind === "BAN" ? <Badge tone="danger">Banned</Badge> : <Badge tone="warning">Muted</Badge>;
}
