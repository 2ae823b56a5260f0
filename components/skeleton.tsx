// Loading placeholders: a busy region that pulses (still, for reduced motion) and the grey
// shapes inside it where text lines, chips and avatars will be.
import type { ReactNode } from "react";

export interface SkeletonProps {
  /** What is loading, for screen readers, e.g. "Loading rooms". */
  label: string;
  testId: string;
  className?: string;
  children: ReactNode;
}

export function Skeleton({ label, testId, className = "", children }: SkeletonProps) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={label}
      data-testid={testId}
      className={`animate-pulse motion-reduce:animate-none ${className}`}
    >
      {children}
    </div>
  );
}

/** One grey shape: a text line by default, a circle or pill with `round`. Size it with className. */
export function Bone({ className, round = false }: { className: string; round?: boolean }) {
  return <div className={`${className} ${round ? "rounded-full" : "rounded"} bg-line`} />;
}
