import type { Ref } from "react";

export interface SectionHeadingProps {
  id: string;
  title: string;
  count: number;
  /** Focus lands here after an item of the section is deleted (tabIndex -1). */
  ref?: Ref<HTMLHeadingElement>;
}

export function SectionHeading({ id, title, count, ref }: SectionHeadingProps) {
  return (
    <h2
      ref={ref}
      id={id}
      tabIndex={-1}
      className="mb-3 flex items-center gap-2 text-sm font-semibold tracking-wide text-ink-muted uppercase focus:outline-none"
    >
      {title}
      <span
        data-testid={`${id}-count`}
        className="rounded-full bg-sunken px-2 py-0.5 text-xs font-semibold text-ink-muted tabular-nums normal-case"
      >
        {count}
      </span>
    </h2>
  );
}
