// The dashed box a list on a member's page (profile, My activity) shows when it has nothing to list.
import type { ReactNode } from "react";

export function EmptyBox({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div
      data-testid={testId}
      className="rounded-2xl border border-dashed border-line-strong bg-surface px-5 py-8 text-center text-sm text-ink-muted"
    >
      {children}
    </div>
  );
}
