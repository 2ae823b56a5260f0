// Stored focus rows as the room page and the live events show them, and the announcements of a change. Times are the
// app's clock in ms since the epoch: startedAt, endedAt and stints are written with it, and `serverNow` is read from
// it when an answer or event is made, so a browser's offset (serverNow − Date.now()) lines its countdown up with ours.
import "server-only";
import type { FocusMemberRow } from "../db/focus-members";
import type { FocusSessionRow } from "../db/focus-sessions";
import { log } from "../log";
import type { FocusMemberView, FocusSessionView, FocusUpdatedEvent } from "../realtime/event-schemas";
import { publishFocusMember, publishFocusUpdated } from "../realtime/events";
import { phaseCount, phaseIndexAt, scheduleOfStored } from "./schedule";

const person = (user: { name: string; username: string } | null) =>
  user && { name: user.name, username: user.username };

export function focusSessionViewOf(row: FocusSessionRow): FocusSessionView {
  return {
    id: row.id,
    ...scheduleOfStored(row),
    startedBy: person(row.startedBy),
    stoppedBy: person(row.stoppedBy),
    memberCount: row.memberCount,
  };
}

export function focusMemberViewOf(row: FocusMemberRow): FocusMemberView {
  return { user: row.user, goal: row.goal, joined: row.joined };
}

/** Tells the room about its session; never rejects (the change is stored: readers find it when they next load). */
export async function announceFocusSession(
  row: FocusSessionRow,
  change: FocusUpdatedEvent["change"],
  now = Date.now(),
): Promise<boolean> {
  const session = focusSessionViewOf(row);
  const phase = change === "ended" ? phaseCount(session) - 1 : phaseIndexAt(session, Math.min(now, endOf(session)));
  try {
    return await publishFocusUpdated({ roomId: row.roomId, change, session, phase, serverNow: Date.now() });
  } catch (error) {
    log.error({ err: error, roomId: row.roomId }, "focus:updated not sent");
    return false;
  }
}

const endOf = (s: FocusSessionView) => s.endedAt ?? Number.POSITIVE_INFINITY;

/** Tells the room a member joined, left or changed their goal. */
export async function announceFocusMember(roomId: string, sessionId: string, member: FocusMemberRow, count: number) {
  try {
    await publishFocusMember({ roomId, sessionId, member: focusMemberViewOf(member), memberCount: count });
  } catch (error) {
    log.error({ err: error, roomId }, "focus:member not sent");
  }
}
