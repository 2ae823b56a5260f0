// A room's topic as a small accent pill, on a member's own lists (profile, My activity).
export interface TopicChipProps {
  name: string;
  /** How wide the pill may grow before its name is cut short. */
  maxWidth: "max-w-full" | "max-w-[60%]";
}

export function TopicChip({ name, maxWidth }: TopicChipProps) {
  return (
    <span
      className={`inline-flex ${maxWidth} items-center truncate rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-ink ring-1 ring-accent/15 ring-inset`}
    >
      <span className="truncate">{name}</span>
    </span>
  );
}
