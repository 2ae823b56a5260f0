// Timestamps in the conversation: relative ("5 minutes ago") or the clock time ("10:42 AM"),
// with the exact date and time (and its zone) on hover. The clock and zone come from useChatTime,
// so the server's HTML and the browser's first render are the same text.
import { EXACT_TIME_OPTIONS, formatRelative } from "@/components/relative-time";
import type { ChatTime } from "./use-clock";

const formats = new Map<string, { exact: Intl.DateTimeFormat; clock: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string | undefined) {
  const key = timeZone ?? "";
  let found = formats.get(key);
  if (!found) {
    found = {
      exact: new Intl.DateTimeFormat("en-US", { weekday: "short", ...EXACT_TIME_OPTIONS, timeZone }),
      clock: new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }),
    };
    formats.set(key, found);
  }
  return found;
}

/** "Sat, Nov 21, 2026, 10:42 AM GMT+1": the full moment, for tooltips. */
export function exactTime(date: string, timeZone: string | undefined): string {
  const value = new Date(date);
  return Number.isNaN(value.getTime()) ? "" : formatsFor(timeZone).exact.format(value);
}

export interface MessageTimeProps {
  date: string;
  time: ChatTime;
  /** "relative": "5 minutes ago"; "clock": "10:42 AM" (beside grouped messages). */
  variant?: "relative" | "clock";
  className?: string;
}

export function MessageTime({ date, time, variant = "relative", className }: MessageTimeProps) {
  const value = new Date(date);
  if (Number.isNaN(value.getTime())) return null;
  const { exact, clock } = formatsFor(time.timeZone);
  const text = variant === "clock" ? clock.format(value) : formatRelative(value, new Date(time.now));
  return (
    <time dateTime={value.toISOString()} title={exact.format(value)} className={className}>
      {text}
    </time>
  );
}
