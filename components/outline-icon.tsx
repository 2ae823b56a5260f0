// The frame every line icon shares: strokes in the text colour with round caps, hidden from
// screen readers (the control or text beside it says what it means). Children are the paths.
import type { ReactNode } from "react";

export interface OutlineIconProps {
  children: ReactNode;
  className?: string;
  /** The drawing's grid: 20 for inline icons, 24 for the large ones on cards and status pages. */
  grid?: 20 | 24;
  /** Defaults to 1.6 on the 20 grid and 1.75 on the 24 grid. */
  strokeWidth?: string;
  /** Round joins (false leaves the SVG default, for shapes drawn with sharp corners). */
  roundJoins?: boolean;
}

export function OutlineIcon({ children, className, grid = 20, strokeWidth, roundJoins = true }: OutlineIconProps) {
  return (
    <svg
      viewBox={`0 0 ${grid} ${grid}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth ?? (grid === 20 ? "1.6" : "1.75")}
      strokeLinecap="round"
      strokeLinejoin={roundJoins ? "round" : undefined}
      aria-hidden="true"
      className={className}
    >
      {children}
    </svg>
  );
}

/** The × of close and dismiss buttons. */
export function CloseIcon({ className }: { className?: string }) {
  return (
    <OutlineIcon strokeWidth="1.75" roundJoins={false} className={className}>
      <path d="m5 5 10 10M15 5 5 15" />
    </OutlineIcon>
  );
}
