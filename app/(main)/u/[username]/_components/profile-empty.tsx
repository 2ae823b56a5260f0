// The dashed box a profile section shows when it has nothing to list.
import type { ReactNode } from "react";

export function ProfileEmpty({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p
      data-testid={testId}
      className="rounded-2xl border border-dashed border-line-strong bg-surface px-5 py-8 text-center text-sm text-ink-muted"
    >
      {children}
    </p>
  );
}
