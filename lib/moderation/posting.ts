// May this member post in this room right now? The rule is ./posting-rule.ts (lock, then ban,
// then mute); this reads what it needs and words the refusal, saying why and until when.
// lib/chat calls assertMayPost before storing an edit; the send statement reads the same state (restrictionFrom).
import "server-only";
import { findPostingState, type ActiveRestriction } from "../db/restrictions";
import { AppError } from "../errors";
import { postingRule, restrictionOf, type PostingRule } from "./posting-rule";

export type PostingRestriction =
  | { kind: "locked"; message: string }
  | { kind: "banned"; until: Date | null; reason: string; message: string }
  | { kind: "muted"; until: Date; reason: string; message: string };

/**
 * "14:30 UTC" today, "3 Dec, 14:30 UTC" on another day: the server cannot know the member's time
 * zone, so it names its own. (The room page gets `until` and formats it in the browser.)
 */
export function formatUntil(until: Date, now = new Date(), timeZone?: string): string {
  const sameDay =
    new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "short" }).format(until) ===
    new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "short" }).format(now);
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
  }).format(until);
}

const withReason = (text: string, reason: string) => (reason ? `${text}: ${reason}` : `${text}.`);

function describe(rule: PostingRule<Date>, now: Date): PostingRestriction {
  if (rule.kind === "locked") return { kind: "locked", message: "This room is locked: nobody can post." };
  if (rule.kind === "banned") {
    const text = rule.until
      ? `You are banned from this room until ${formatUntil(rule.until, now)}`
      : "You are banned from this room";
    return { ...rule, message: withReason(text, rule.reason) };
  }
  return {
    ...rule,
    message: withReason(`You are muted in this room until ${formatUntil(rule.until, now)}`, rule.reason),
  };
}

/** The restriction that a room's lock and a member's restrictions in force at `now` make, worded; null if none. */
export function restrictionFrom(
  { locked, restrictions }: { locked: boolean; restrictions: readonly ActiveRestriction[] },
  now: Date,
): PostingRestriction | null {
  const rule = postingRule({ locked, restrictions: restrictions.map(restrictionOf) });
  return rule && describe(rule, now);
}

/**
 * What keeps the member from posting now, or null (also for an unknown room: the caller reports that itself). For a
 * visitor (`userId` null) only the lock counts.
 */
export async function postingRestriction(
  query: Parameters<typeof findPostingState>[0],
): Promise<PostingRestriction | null> {
  const now = query.now ?? new Date();
  const state = await findPostingState({ ...query, now });
  if (!state) return null;
  return restrictionFrom({ locked: state.room.lockedAt !== null, restrictions: state.restrictions }, now);
}

/** The 403 AppError (forbidden:room_locked / forbidden:banned / forbidden:muted) for a restriction. */
export function postingRefusal(restriction: PostingRestriction): AppError {
  const code = restriction.kind === "locked" ? "forbidden:room_locked" : `forbidden:${restriction.kind}`;
  return new AppError(code, restriction.message, 403);
}

/** Throws a 403 AppError (forbidden:room_locked / forbidden:banned / forbidden:muted) with a message for the member. */
export async function assertMayPost({
  roomId,
  userId,
  now,
}: {
  roomId: string;
  userId: string;
  now?: Date;
}): Promise<void> {
  const restriction = await postingRestriction({ roomId, userId, now });
  if (restriction) throw postingRefusal(restriction);
}
