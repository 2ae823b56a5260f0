// May this member post in this room right now? A locked room refuses everyone; a ban or a mute
// in force refuses the member, with a message saying why and until when. lib/chat calls
// assertMayPost before storing a message or an edit; the room page calls postingRestriction to
// show the reason instead of the composer.
import "server-only";
import { findPostingState, type ActiveRestriction } from "../db/restrictions";
import { AppError } from "../errors";

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

function describe(restriction: ActiveRestriction, now: Date): PostingRestriction {
  if (restriction.kind === "BAN") {
    const text = restriction.until
      ? `You are banned from this room until ${formatUntil(restriction.until, now)}`
      : "You are banned from this room";
    return {
      kind: "banned",
      until: restriction.until,
      reason: restriction.reason,
      message: withReason(text, restriction.reason),
    };
  }
  // A mute always has an end (the schema allows null only for bans); treat a missing one as a ban.
  const until = restriction.until ?? new Date(8.64e15);
  return {
    kind: "muted",
    until,
    reason: restriction.reason,
    message: withReason(`You are muted in this room until ${formatUntil(until, now)}`, restriction.reason),
  };
}

/**
 * What keeps the member from posting in the room now, or null if nothing does (also for an
 * unknown room: the caller reports that one itself). Lock first, then ban, then mute: the most
 * general reason is the one that will still hold when the others end. With `userId` null (a
 * visitor) only the lock is looked at, so the room page can say "locked" to everyone.
 */
export async function postingRestriction({
  roomId,
  userId,
  now = new Date(),
}: {
  roomId: string;
  userId: string | null;
  now?: Date;
}): Promise<PostingRestriction | null> {
  const state = await findPostingState({ roomId, userId, now });
  if (!state) return null;
  if (state.room.lockedAt) return { kind: "locked", message: "This room is locked: nobody can post." };
  const ban = state.restrictions.find((r) => r.kind === "BAN");
  if (ban) return describe(ban, now);
  const mute = state.restrictions.find((r) => r.kind === "MUTE");
  return mute ? describe(mute, now) : null;
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
  if (!restriction) return;
  const code = restriction.kind === "locked" ? "forbidden:room_locked" : `forbidden:${restriction.kind}`;
  throw new AppError(code, restriction.message, 403);
}
