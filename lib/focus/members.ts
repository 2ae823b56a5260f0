// Members in a room's focus session, for every caller: join (optional one-line goal, hold messages until the break;
// a rejoin after leaving opens a new stint and keeps the goal), leave, change the goal or preference while joined,
// and say at the end whether the goal was reached (only your own, once the session ended or you left).
import "server-only";
import { enforce } from "../auth/rate-limit";
import { requirePoster } from "../chat/actor";
import {
  closeOpenFocusStints,
  findFocusMember,
  joinFocusSession,
  leaveFocusSession,
  markFocusGoal,
  updateFocusMember,
  type FocusMemberRow,
} from "../db/focus-members";
import { findFocusSession } from "../db/focus-sessions";
import { AppError, notFound, parseInput } from "../errors";
import { log } from "../log";
import { postingRefusal, postingRestriction } from "../moderation/posting";
import type { FocusSelf } from "../realtime/event-schemas";
import { focusGoalDoneSchema, focusJoinSchema, focusMemberUpdateSchema } from "../validation/focus";
import { focusRoomOf, NO_SESSION, runningFocusSession, type FocusActor } from "./sessions";
import { announceFocusMember } from "./views";

interface MemberCall {
  actor: FocusActor | null;
  slug: string;
}

/** The caller, the room and its running session (404 when none runs). */
async function sessionToJoin({ actor, slug }: MemberCall) {
  const caller = requirePoster(actor);
  await enforce("focusChange", caller.id, "You have joined, left and changed focus sessions many times lately.");
  const room = await focusRoomOf(slug);
  const session = await runningFocusSession(room.id);
  if (!session) throw notFound("focus_session", NO_SESSION);
  return { caller, room, session };
}

const ended = () => new AppError("conflict:focus_ended", "This focus session has just ended.", 409);

async function selfAfter(sessionId: string, userId: string, roomId: string, announce: boolean): Promise<FocusSelf> {
  const [member, session] = await Promise.all([
    findFocusMember({ sessionId, userId }),
    findFocusSession({ id: sessionId }),
  ]);
  if (!member) throw ended();
  if (announce) await announceFocusMember(roomId, sessionId, member, session?.memberCount ?? 0);
  return selfOf(sessionId, member);
}

const selfOf = (sessionId: string, m: FocusMemberRow): FocusSelf => ({
  sessionId,
  joined: m.joined,
  goal: m.goal,
  goalDone: m.goalDone,
  holdMessages: m.holdMessages,
});

/** Joins the running session (banned members and locked rooms are refused like posting; a mute does not stop it). */
export async function joinFocusAs(call: MemberCall & { input: unknown }): Promise<{ me: FocusSelf }> {
  const input = parseInput(focusJoinSchema, call.input ?? {});
  const { caller, room, session } = await sessionToJoin(call);
  const restriction = await postingRestriction({ roomId: room.id, userId: caller.id });
  if (restriction && restriction.kind !== "muted") throw postingRefusal(restriction);
  const outcome = await joinFocusSession({
    sessionId: session.id,
    userId: caller.id,
    goal: input.goal,
    holdMessages: input.holdMessages,
    now: new Date(),
  });
  if ("refused" in outcome) throw ended();
  return { me: await selfAfter(session.id, caller.id, room.id, true) };
}

/** Leaves the running session; not being in it changes nothing. */
export async function leaveFocusAs(call: MemberCall): Promise<{ me: FocusSelf | null; changed: boolean }> {
  const { caller, room, session } = await sessionToJoin(call);
  const changed = await leaveFocusSession({ sessionId: session.id, userId: caller.id, now: new Date() });
  if (!changed) {
    const member = await findFocusMember({ sessionId: session.id, userId: caller.id });
    return { me: member && selfOf(session.id, member), changed };
  }
  return { me: await selfAfter(session.id, caller.id, room.id, true), changed };
}

/** Changes the goal (null or "" removes it) or the hold preference while joined (409 when not). */
export async function updateFocusMemberAs(call: MemberCall & { input: unknown }): Promise<{ me: FocusSelf }> {
  const input = parseInput(focusMemberUpdateSchema, call.input);
  const { caller, room, session } = await sessionToJoin(call);
  const updated = await updateFocusMember({
    sessionId: session.id,
    userId: caller.id,
    goal: input.goal,
    holdMessages: input.holdMessages,
  });
  if (!updated) throw new AppError("conflict:focus_not_joined", "Join the focus session first.", 409);
  return { me: await selfAfter(session.id, caller.id, room.id, input.goal !== undefined) };
}

/** Did you reach your goal? Your own, in a session of this room that has ended or that you left. */
export async function markFocusGoalAs({
  actor,
  slug,
  input,
}: MemberCall & { input: unknown }): Promise<{ me: FocusSelf }> {
  const caller = requirePoster(actor);
  await enforce("focusChange", caller.id, "You have joined, left and changed focus sessions many times lately.");
  const { sessionId, done } = parseInput(focusGoalDoneSchema, input);
  const room = await focusRoomOf(slug);
  const session = await findFocusSession({ id: sessionId });
  const member = session?.roomId === room.id ? await findFocusMember({ sessionId, userId: caller.id }) : null;
  if (!session || !member) throw notFound("focus_member", "You did not join that focus session in this room.");
  if (member.goal === null) throw new AppError("conflict:focus_no_goal", "You set no goal in that focus session.", 409);
  const over = session.endedAt !== null || (await runningFocusSession(room.id))?.id !== sessionId;
  if (member.joined && !over)
    throw new AppError("conflict:focus_running", "Mark your goal once the session has ended or you have left it.", 409);
  await markFocusGoal({ sessionId, userId: caller.id, done });
  return { me: { ...selfOf(sessionId, member), goalDone: done } };
}

/**
 * Takes a banned member out of the room's running session, or a deactivated one out of every session (their stints
 * close now), and tells the rooms. Never rejects: the ban or deactivation stands; a failure is logged.
 */
export async function removeFromFocus({ userId, roomId }: { userId: string; roomId?: string }): Promise<void> {
  try {
    const closed = await closeOpenFocusStints({ userId, roomId, now: new Date() });
    for (const { sessionId, roomId: room } of closed) await selfAfter(sessionId, userId, room, true);
  } catch (error) {
    log.error({ err: error, userId, roomId }, "focus stints not closed");
  }
}
