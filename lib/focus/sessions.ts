// Focus sessions, for every caller (route handlers and tests): start (any member who may post in the room; one
// session per room, a concurrent second start is told 409), stop (its starter, the room's host, moderators: staff
// stopping another's session in a room they do not host is audited), and the room's state for GET. Members joining,
// leaving and their goals: ./members.ts. Phase changes and ends on schedule: ./announcer.ts.
import "server-only";
import { auditEntry } from "../admin/audit";
import { enforce } from "../auth/rate-limit";
import { requirePoster, type ChatActor } from "../chat/actor";
import { findFocusMember, listJoinedFocusMembers } from "../db/focus-members";
import {
  endFocusSessionOnSchedule,
  findFocusSession,
  findLatestFocusSession,
  findRunningFocusSession,
  startFocusSession,
  stopFocusSession,
  type FocusSessionRow,
} from "../db/focus-sessions";
import { findChatRoom, type ChatRoom } from "../db/room-lookup";
import type { SessionUser } from "../db/users";
import { env } from "../env";
import { AppError, forbidden, notFound, parseInput } from "../errors";
import { assertMayPost } from "../moderation/posting";
import type { FocusSessionView, FocusState } from "../realtime/event-schemas";
import { canManageRoom } from "../rooms/permissions";
import { FOCUS_MEMBERS_LIMIT, focusLimits, focusStartSchema, type FocusLimits } from "../validation/focus";
import { scheduledEnd } from "./schedule";
import { announceFocusSession, focusMemberViewOf, focusSessionViewOf } from "./views";

export type FocusActor = ChatActor & Pick<SessionUser, "username">;

const ROOM_GONE = "This room does not exist (any more).";
export const NO_SESSION = "No focus session is running in this room.";

export const currentFocusLimits = (): FocusLimits => focusLimits(env().FOCUS_MIN_PHASE_SECONDS);

export async function focusRoomOf(slug: string): Promise<ChatRoom> {
  const room = await findChatRoom({ slug });
  if (!room) throw notFound("room", ROOM_GONE);
  return room;
}

const isOver = (row: FocusSessionRow, now: number) => scheduledEnd(focusSessionViewOf(row)) <= now;

/**
 * The room's running session, or null. One whose schedule is over but that no announcer has ended yet (every instance
 * down or slow) is ended here, and announced by whoever ended it.
 */
export async function runningFocusSession(roomId: string, now = Date.now()): Promise<FocusSessionRow | null> {
  const row = await findRunningFocusSession({ roomId });
  if (!row || !isOver(row, now)) return row;
  if (await endFocusSessionOnSchedule({ sessionId: row.id })) {
    const ended = await findFocusSession({ id: row.id });
    if (ended) await announceFocusSession(ended, "ended");
  }
  return null;
}

function alreadyRunning(running: FocusSessionRow | null): AppError {
  const by = running?.startedBy ? ` (started by ${running.startedBy.name})` : "";
  return new AppError(
    "conflict:focus_running",
    `A focus session is already running in this room${by}. Join it, or start one when it ends.`,
    409,
  );
}

/** Starts a session in the room: 409 `conflict:focus_running` while one runs, also for the loser of a race. */
export async function startFocusAs({
  actor,
  slug,
  input,
}: {
  actor: FocusActor | null;
  slug: string;
  input: unknown;
}): Promise<{ session: FocusSessionView; serverNow: number }> {
  const caller = requirePoster(actor);
  await enforce("focusStart", caller.id, "You have started and stopped focus sessions many times in the last minute.");
  const lengths = parseInput(focusStartSchema(currentFocusLimits()), input);
  const room = await focusRoomOf(slug);
  await assertMayPost({ roomId: room.id, userId: caller.id });
  const now = new Date();
  const outcome = await startFocusSession({ roomId: room.id, startedById: caller.id, ...lengths, now });
  if ("refused" in outcome) throw alreadyRunning(outcome.running);
  await announceFocusSession(outcome.started, "started", now.getTime());
  return { session: focusSessionViewOf(outcome.started), serverNow: Date.now() };
}

/** Stops the running session: its starter, the room's host, moderators and admins (403 for anyone else). */
export async function stopFocusAs({
  actor,
  slug,
}: {
  actor: FocusActor | null;
  slug: string;
}): Promise<{ session: FocusSessionView; serverNow: number }> {
  const caller = requirePoster(actor);
  await enforce("focusStart", caller.id, "You have started and stopped focus sessions many times in the last minute.");
  const room = await focusRoomOf(slug);
  const now = Date.now();
  const running = await runningFocusSession(room.id, now);
  if (!running) throw notFound("focus_session", NO_SESSION);
  const ownSession = running.startedById === caller.id;
  if (!ownSession && !canManageRoom(caller, room))
    throw forbidden(
      "focus_stop",
      "Only the member who started this focus session, the room’s host and moderators can stop it.",
    );
  const audited = !ownSession && room.hostId !== caller.id;
  const stopped = await stopFocusSession({
    sessionId: running.id,
    stoppedById: caller.id,
    endedAt: new Date(Math.min(now, scheduledEnd(focusSessionViewOf(running)))),
    audit: audited
      ? auditEntry(caller, "room.update", { type: "room", id: room.id, label: room.slug }, "stopped a focus session")
      : undefined,
  });
  const after = await findFocusSession({ id: running.id });
  if (!stopped || !after) throw notFound("focus_session", "This focus session has already ended.");
  await announceFocusSession(after, "stopped", now);
  return { session: focusSessionViewOf(after), serverNow: Date.now() };
}

/** GET /api/rooms/<slug>/focus: public like the room; `me` only for a signed-in caller who joined the latest one. */
export async function focusStateOf({ actor, slug }: { actor: FocusActor | null; slug: string }): Promise<FocusState> {
  const room = await focusRoomOf(slug);
  await runningFocusSession(room.id);
  const latest = await findLatestFocusSession({ roomId: room.id });
  const [members, mine] = latest
    ? await Promise.all([
        latest.endedAt ? [] : listJoinedFocusMembers({ sessionId: latest.id, take: FOCUS_MEMBERS_LIMIT }),
        actor ? findFocusMember({ sessionId: latest.id, userId: actor.id }) : null,
      ])
    : [[], null];
  return {
    session: latest && focusSessionViewOf(latest),
    members: members.map(focusMemberViewOf),
    me: mine &&
      latest && {
        sessionId: latest.id,
        joined: mine.joined,
        goal: mine.goal,
        goalDone: mine.goalDone,
        holdMessages: mine.holdMessages,
      },
    serverNow: Date.now(),
    limits: currentFocusLimits(),
  };
}
