// A row of the message list where a new day starts: "Today", "Yesterday", "Monday, 16 November".
export function DaySeparator({ day, label }: { day: string; label: string }) {
  return (
    <li
      data-testid="day-separator"
      data-day={day}
      className="relative my-3 flex items-center px-4 sm:px-5"
      aria-label={label}
    >
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
      <span
        aria-hidden="true"
        className="mx-3 rounded-full border border-line bg-surface px-3 py-0.5 text-xs font-semibold text-ink-muted"
      >
        {label}
      </span>
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
    </li>
  );
}
