// What keeps the viewer from posting, as the room page holds it: the room's lock, their own ban or mute (server
// render, then `moderation:restricted`), or an API refusal. The rule is lib/moderation/posting-rule.ts; the notice is
// worded here so `until` shows in the browser's time zone (the API's message uses the server's).
import { postingRule, type Restriction } from "../../moderation/posting-rule";

/** The viewer's own restriction in the room; `until` is ISO 8601, null for a ban without end. */
export type MemberRestriction = Restriction<string>;

export type PostingBlock =
  | { kind: "locked"; text: string }
  | { kind: "muted" | "banned"; text: string; until: string | null }
  /** The API refused a send (403) for a reason the page did not know yet: its own words. */
  | { kind: "refused"; text: string };

const formats = new Map<
  string,
  { sameDay: Intl.DateTimeFormat; time: Intl.DateTimeFormat; dayTime: Intl.DateTimeFormat }
>();

function formatsFor(timeZone: string | undefined) {
  const key = timeZone ?? "";
  let found = formats.get(key);
  if (!found) {
    const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short", timeZone } as const;
    found = {
      sameDay: new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "short" }),
      time: new Intl.DateTimeFormat("en-GB", clock),
      dayTime: new Intl.DateTimeFormat("en-GB", { ...clock, day: "numeric", month: "short" }),
    };
    formats.set(key, found);
  }
  return found;
}

/**
 * "14:30 GMT+1" today, "3 Dec, 14:30 GMT+1" on another day, in `timeZone` (undefined: the
 * browser's own). The same wording as the server's formatUntil, so the two read alike.
 */
export function formatUntilLocal(until: string, now: number, timeZone: string | undefined): string {
  const date = new Date(until);
  const f = formatsFor(timeZone);
  return (f.sameDay.format(date) === f.sameDay.format(new Date(now)) ? f.time : f.dayTime).format(date);
}

const withReason = (text: string, reason: string) => (reason ? `${text}: ${reason}` : `${text}.`);

/** The restriction, unless it has run out by `now`. */
export function inForce(restriction: MemberRestriction | null, now: number): MemberRestriction | null {
  if (!restriction) return null;
  if (restriction.until !== null && Date.parse(restriction.until) <= now) return null;
  return restriction;
}

/** What the composer says instead of the text box, or null when the viewer may post: the rule, else an API refusal. */
export function postingBlock({
  locked,
  restriction,
  refusal,
  now,
  timeZone,
}: {
  locked: boolean;
  restriction: MemberRestriction | null;
  refusal: string | null;
  now: number;
  timeZone: string | undefined;
}): PostingBlock | null {
  const current = inForce(restriction, now);
  const rule = postingRule({ locked, restrictions: current ? [current] : [] });
  if (rule?.kind === "locked") return { kind: "locked", text: "This room is locked: nobody can post." };
  if (rule?.kind === "banned") {
    const text = rule.until
      ? `You are banned from this room until ${formatUntilLocal(rule.until, now, timeZone)}`
      : "You are banned from this room";
    return { kind: "banned", text: withReason(text, rule.reason), until: rule.until };
  }
  if (rule?.kind === "muted") {
    const text = `You are muted in this room until ${formatUntilLocal(rule.until, now, timeZone)}`;
    return { kind: "muted", text: withReason(text, rule.reason), until: rule.until };
  }
  return refusal ? { kind: "refused", text: refusal } : null;
}
