// A room's weekly study board: the host (or a moderator) turns it on; then anyone who can see the room sees its members
// ranked by study time this ISO week in this room's sessions. Members who hid their log and deactivated accounts never
// appear. Time is ./study-time.ts's, over the records lib/db/study-log.ts reads.
import "server-only";
import { auditEntry } from "../admin/audit";
import { enforce } from "../auth/rate-limit";
import { findRoomForEdit } from "../db/rooms";
import { findRoomStudyBoard, findRoomStudyRecords, setRoomStudyBoard } from "../db/study-log";
import type { SessionUser } from "../db/users";
import type { UserSummary } from "../db/users";
import { forbidden, notFound, parseInput } from "../errors";
import { canManageRoom } from "../rooms/permissions";
import { roomSlugParamSchema } from "../validation/rooms";
import { studyBoardFormSchema } from "../validation/study-log";
import { isoWeekOf, STREAK_DAY_MIN_MS } from "./periods";
import { studyMs } from "./study-time";

/** How many members the board lists. */
export const STUDY_BOARD_SIZE = 20;

export interface StudyBoardEntry {
  rank: number;
  member: UserSummary;
  studyMs: number;
}

export interface StudyBoard {
  /** Monday 00:00 UTC of the week shown (ISO string). */
  weekStart: string;
  entries: StudyBoardEntry[];
}

/** The room's members by study time in [week.start, week.end), at least a minute each, top STUDY_BOARD_SIZE. */
export async function computeStudyBoard({ roomId, now }: { roomId: string; now: Date }): Promise<StudyBoard> {
  const week = isoWeekOf(now);
  const records = await findRoomStudyRecords({ roomId, from: new Date(week.start), to: new Date(week.end) });
  const totals: Array<{ member: UserSummary; studyMs: number }> = [];
  for (const [userId, member] of records.members) {
    const stints = records.stints.get(userId) ?? [];
    const spans = records.spans.get(userId) ?? [];
    let ms = 0;
    for (const session of records.sessions) {
      const own = stints.filter((s) => s.sessionId === session.id);
      if (own.length > 0) ms += studyMs({ session, stints: own, spans, now, window: week });
    }
    if (ms >= STREAK_DAY_MIN_MS) totals.push({ member, studyMs: ms });
  }
  totals.sort((a, b) => b.studyMs - a.studyMs || a.member.name.localeCompare(b.member.name));
  return {
    weekStart: new Date(week.start).toISOString(),
    entries: totals.slice(0, STUDY_BOARD_SIZE).map((t, i) => ({ rank: i + 1, ...t })),
  };
}

/** GET /api/rooms/<slug>/study-board: public while the host has the board on, a 404 otherwise. */
export async function getStudyBoard({ slug, now = new Date() }: { slug: string; now?: Date }): Promise<StudyBoard> {
  const room = roomSlugParamSchema.safeParse(slug).success ? await findRoomStudyBoard({ slug }) : null;
  if (!room) throw notFound("room", "This room does not exist (any more).");
  if (!room.studyBoard) throw notFound("study_board", "This room does not show a study board.");
  return computeStudyBoard({ roomId: room.id, now });
}

/** The host, a moderator or an admin turns the board on or off; a moderator's change is audited as a room edit. */
export async function setStudyBoardAs(actor: SessionUser, input: unknown): Promise<{ enabled: boolean }> {
  const { slug, enabled } = parseInput(studyBoardFormSchema, input);
  await enforce("studySettings", actor.id, "You have changed the study board many times in the last minute.");
  const room = await findRoomForEdit({ slug });
  if (!room) throw notFound("room", "This room no longer exists.");
  if (!canManageRoom(actor, room)) throw forbidden("room", "Only the room’s host and moderators can set the board.");
  const label = (on: boolean) => (on ? "on" : "off");
  const change = await setRoomStudyBoard({
    id: room.id,
    enabled,
    audit:
      room.hostId !== actor.id
        ? ({ room: target, previous }) =>
            auditEntry(
              actor,
              "room.update",
              { type: "room", id: target.id, label: target.name },
              previous === enabled ? "no change" : `study board: ${label(previous)} → ${label(enabled)}`,
            )
        : undefined,
  });
  if (!change) throw notFound("room", "This room no longer exists.");
  return { enabled };
}
