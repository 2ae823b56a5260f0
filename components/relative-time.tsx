export interface RelativeTimeProps {
  date: Date | string;
  /** Words placed before the relative text, inside the same element (e.g. "active"). */
  prefix?: string;
  /** The moment to measure from; defaults to the clock at render. Tests pin it. */
  now?: Date;
  className?: string;
}

/** A full moment for tooltips, with its zone: "Nov 21, 2026, 10:42 AM GMT+1". */
export const EXACT_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

// The server has no idea of the reader's time zone, so the tooltip names the zone it used.
const exactFormat = new Intl.DateTimeFormat("en-US", EXACT_TIME_OPTIONS);

// The platform's formatter does the wording ("1 minute ago", "3 days ago"); date-fns's
// formatDistanceStrict, used before, redid time-zone arithmetic on every call.
const relativeFormat = new Intl.RelativeTimeFormat("en-US", { numeric: "always" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const UNITS = [
  { unit: "minute", ms: MINUTE, below: 60 },
  { unit: "hour", ms: HOUR, below: 24 },
  { unit: "day", ms: DAY, below: 30 },
  { unit: "month", ms: MONTH, below: 12 },
] as const;

/**
 * "just now" under a minute, else the largest unit it fills, rounding up into the next unit (59 min 40 s reads
 * "1 hour ago", not "60 minutes ago"); a date ahead of `now` (clock skew) counts as now.
 */
export function formatRelative(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE) return "just now";
  for (const { unit, ms, below } of UNITS) {
    const count = Math.round(elapsed / ms);
    if (count < below) return relativeFormat.format(-count, unit);
  }
  return relativeFormat.format(-Math.max(1, Math.round(elapsed / YEAR)), "year");
}

/**
 * Stateless, so it may also render inside client components; suppressHydrationWarning covers the minute that can
 * pass between server render and hydration.
 */
export function RelativeTime({ date, prefix, now, className }: RelativeTimeProps) {
  const value = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return null;

  // eslint-disable-next-line react-hooks/purity -- reading the clock is the point; see the note above.
  const relative = formatRelative(value, now ?? new Date(Date.now()));

  return (
    <time
      dateTime={value.toISOString()}
      title={exactFormat.format(value)}
      className={className}
      suppressHydrationWarning
    >
      {prefix ? `${prefix} ${relative}` : relative}
    </time>
  );
}
