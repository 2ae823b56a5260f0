import { formatDistanceStrict } from "date-fns";

export interface RelativeTimeProps {
  date: Date | string;
  /** Words placed before the relative text, inside the same element (e.g. "active"). */
  prefix?: string;
  /** The moment to measure from; defaults to the clock at render. Tests pin it. */
  now?: Date;
  className?: string;
}

// The server has no idea of the reader's time zone, so the tooltip names the zone it used.
const exactFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

/** "just now" under a minute, else "5 minutes ago"; a date ahead of `now` (clock skew) counts as now. */
export function formatRelative(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < 60_000) return "just now";
  // What formatDistanceToNowStrict does, with `now` passed in so this stays pure.
  return formatDistanceStrict(date, now, { addSuffix: true });
}

/**
 * A relative timestamp computed where it renders, normally once per request on the server. It
 * holds no state or effects, so it may also render inside client components; the
 * suppressHydrationWarning covers the minute that can pass between server render and hydration.
 */
export function RelativeTime({ date, prefix, now, className }: RelativeTimeProps) {
  const value = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return null;

  // eslint-disable-next-line react-hooks/purity -- reading the clock is the point; see the note above.
  const relative = formatRelative(value, now ?? new Date(Date.now()));

  return (
    <time dateTime={value.toISOString()} title={exactFormat.format(value)} className={className} suppressHydrationWarning>
      {prefix ? `${prefix} ${relative}` : relative}
    </time>
  );
}
