import type { ReactNode } from "react";

export interface LineIconProps {
  className: string;
  strokeWidth?: string;
  /** The <path>s and shapes, drawn on a 20 × 20 grid. */
  children: ReactNode;
}

/** An outline icon in the text's colour; decorative, so screen readers skip it (the text beside it speaks). */
export function LineIcon({ className, strokeWidth = "1.6", children }: LineIconProps) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {children}
    </svg>
  );
}
