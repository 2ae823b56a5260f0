// Turns the conversation into the rows the message list draws: a separator at each new day
// ("Today", "Yesterday", "Monday, 16 November"), and messages grouped under one avatar and name
// while the same person keeps writing. Pure: the clock and the time zone come in as arguments,
// so the server render and the browser's first render agree.
import type { ChatMessage, MessageAuthorPayload } from "../message-payload";
import type { PendingMessage } from "./message-store";

/** A pause longer than this starts a new group even for the same author (as Slack does). */
export const GROUP_GAP_MS = 5 * 60_000;

export type TimelineRow =
  | { kind: "day"; key: string; label: string; day: string }
  | { kind: "message"; key: string; message: ChatMessage; groupStart: boolean }
  | { kind: "pending"; key: string; pending: PendingMessage; groupStart: boolean };

export interface TimelineOptions {
  messages: ChatMessage[];
  pending?: PendingMessage[];
  /** The viewer, who wrote the pending messages. */
  viewer?: MessageAuthorPayload | null;
  now: number;
  /** IANA zone for day boundaries; undefined = the browser's own. */
  timeZone?: string;
}

const dayKeyFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-16": the calendar day of `time` in `timeZone`. */
export function dayKeyOf(time: number, timeZone?: string): string {
  const cacheKey = timeZone ?? "";
  let format = dayKeyFormats.get(cacheKey);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
    dayKeyFormats.set(cacheKey, format);
  }
  return format.format(time);
}

const labelFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

function keyToUtc(key: string): number {
  const [y = 1970, m = 1, d = 1] = key.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** "Today", "Yesterday", "Monday, 16 November", or with the year when it is not this year. */
export function dayLabel(day: string, now: number, timeZone?: string): string {
  const today = dayKeyOf(now, timeZone);
  if (day === today) return "Today";
  const yesterday = new Date(keyToUtc(today) - 86_400_000).toISOString().slice(0, 10);
  if (day === yesterday) return "Yesterday";
  const parts = Object.fromEntries(labelFormat.formatToParts(keyToUtc(day)).map((p) => [p.type, p.value]));
  const label = `${parts.weekday}, ${parts.day} ${parts.month}`;
  return day.slice(0, 4) === today.slice(0, 4) ? label : `${label} ${parts.year}`;
}

interface Previous {
  authorId: string | null;
  time: number;
  day: string;
}

/** Whether a message by `authorId` at `time` continues the group of `previous`. */
function continues(previous: Previous | null, authorId: string | null, time: number, day: string): boolean {
  // Deleted accounts never group: several people may hide behind "Anonymous User".
  if (!previous || authorId === null || previous.authorId !== authorId) return false;
  return previous.day === day && time - previous.time <= GROUP_GAP_MS && time >= previous.time - GROUP_GAP_MS;
}

export function buildTimeline({
  messages,
  pending = [],
  viewer = null,
  now,
  timeZone,
}: TimelineOptions): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let previous: Previous | null = null;
  // Out-of-order clocks could bring a day back; its separator key must stay unique.
  const seenDays = new Set<string>();

  const place = (authorId: string | null, time: number): boolean => {
    const day = dayKeyOf(time, timeZone);
    if (previous?.day !== day) {
      const key = seenDays.has(day) ? `day-${day}-${rows.length}` : `day-${day}`;
      seenDays.add(day);
      rows.push({ kind: "day", key, label: dayLabel(day, now, timeZone), day });
    }
    const groupStart = !continues(previous, authorId, time, day);
    previous = { authorId, time, day };
    return groupStart;
  };

  for (const message of messages) {
    const groupStart = place(message.author?.id ?? null, Date.parse(message.createdAt));
    rows.push({ kind: "message", key: `m-${message.id}`, message, groupStart });
  }
  for (const item of pending) {
    const groupStart = place(viewer?.id ?? null, Date.parse(item.createdAt));
    rows.push({ kind: "pending", key: `p-${item.clientKey}`, pending: item, groupStart });
  }
  return rows;
}
