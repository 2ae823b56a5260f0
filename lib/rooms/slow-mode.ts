// Slow mode, for every caller: setting it (the host, moderators and admins; a moderator's change of a room they do not
// host is audited like their edits from the room page) and what the room page needs to show it. The wait itself is
// enforced in the send statement (lib/db/message-send.ts, keyed by lib/chat/slow-mode-turn.ts).
import "server-only";
import { auditEntry } from "../admin/audit";
import { enforce } from "../auth/rate-limit";
import { findRoomForEdit } from "../db/rooms";
import { findLastSlowModeTurn, findRoomSlowMode, setRoomSlowMode, type SlowModeChange } from "../db/room-slow-mode";
import type { SessionUser } from "../db/users";
import { slowModeKeyPrefix } from "../chat/slow-mode-turn";
import { forbidden, notFound } from "../errors";
import { publishRoomUpdated } from "../realtime/events";
import { slowModeLabel, type SlowModeForm } from "../validation/slow-mode";
import { canManageRoom } from "./permissions";

/** The host, a moderator or an admin sets the room's slow mode; `room:updated` tells every open page. */
export async function setSlowModeAs(actor: SessionUser, { slug, seconds }: SlowModeForm): Promise<SlowModeChange> {
  await enforce("roomSlowMode", actor.id, "You have changed slow mode many times in the last minute.");
  const room = await findRoomForEdit({ slug });
  if (!room) throw notFound("room", "This room no longer exists.");
  if (!canManageRoom(actor, room)) throw forbidden("room", "Only the room’s host and moderators can set slow mode.");
  const moderating = room.hostId !== actor.id;
  const change = await setRoomSlowMode({
    id: room.id,
    seconds,
    audit: moderating
      ? ({ room: target, previous }) =>
          auditEntry(
            actor,
            "room.update",
            { type: "room", id: target.id, label: target.name },
            previous === seconds
              ? "no change"
              : `slow mode: ${slowModeLabel(previous)} → ${slowModeLabel(seconds)}`.toLowerCase(),
          )
      : undefined,
  });
  if (change.previous !== change.seconds)
    await publishRoomUpdated({ ...change.room, roomId: change.room.id, slowModeSeconds: seconds });
  return change;
}

export interface SlowModeView {
  /** The room's wait (0: off). */
  seconds: number;
  /** The host, moderators and admins post without waiting. */
  exempt: boolean;
  /** How long the viewer still waits after their last message, at the time of reading (0: may post). */
  waitMs: number;
}

/** What the room page shows of slow mode for this viewer: the setting, and the viewer's wait so a reload keeps it. */
export async function slowModeViewOf({
  roomId,
  viewerId,
  exempt,
}: {
  roomId: string;
  viewerId: string | null;
  exempt: boolean;
}): Promise<SlowModeView> {
  const [seconds, last] = await Promise.all([
    findRoomSlowMode({ roomId }),
    viewerId && !exempt ? findLastSlowModeTurn({ key: `${slowModeKeyPrefix(viewerId)}${roomId}` }) : null,
  ]);
  if (!seconds || !last) return { seconds: seconds ?? 0, exempt, waitMs: 0 };
  return { seconds, exempt, waitMs: Math.max(0, last.getTime() + seconds * 1000 - Date.now()) };
}
