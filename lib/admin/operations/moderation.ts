// In-room moderation: look up, set and lift a member's mute or ban in one room. Moderators and
// admins cannot be muted or banned (they would simply lift it), nor can anyone restrict themselves.
import "server-only";
import {
  findRoomAndMember,
  liftRestriction,
  listMemberRestrictions,
  setRestriction,
  type Alongside,
} from "../../db/restrictions";
import { AppError } from "../../errors";
import { log } from "../../log";
import { banSchema, muteSchema, roomMemberSchema } from "../../validation/admin";
import { formatUntil } from "../../moderation/posting";
import { decidingRestriction, restrictionOf } from "../../moderation/posting-rule";
import { endUserConnections } from "../../realtime/connections";
import { publishModerationRestricted } from "../../realtime/events";
import { defineOperation, type OperationContext } from "../operation";
import type { SessionUser } from "../../db/users";
import { removeFromFocus } from "../../focus/members";

export interface MemberRestrictions {
  mute: { until: string; reason: string } | null;
  ban: { until: string | null; reason: string } | null;
}

async function restrictable(actor: SessionUser, input: { roomSlug: string; userId: string }) {
  const found = await findRoomAndMember(input);
  if (found.user.id === actor.id) throw new AppError("forbidden:self", "You cannot mute or ban yourself.", 403);
  // Stricter than mayActOn (lib/admin/access.ts): nobody restricts staff, not even an admin (they would lift it).
  if (found.user.role !== "MEMBER")
    throw new AppError("forbidden:admin_target", "Moderators and admins cannot be muted or banned.", 403);
  return found;
}

/**
 * Tells the member's open pages (their private channel) what holds for them in the room after
 * the change, so a muted member's composer turns into the notice at once, and back when lifted.
 */
async function tellMember(roomId: string, userId: string): Promise<void> {
  try {
    const rows = await listMemberRestrictions({ roomId, userId });
    const held = decidingRestriction(rows.map(restrictionOf));
    await publishModerationRestricted(userId, {
      roomId,
      kind: held?.kind ?? "none",
      until: held?.until?.toISOString() ?? null,
      reason: held?.reason ?? "",
    });
  } catch (error) {
    // The change is stored; their page learns it on the next refresh or refused send.
    log.error({ err: error, userId, roomId }, "moderation change not sent to the member");
  }
}

/** Lifts the member's mute or ban in the room (audited with it) and tells them if there was one. */
async function lift(
  kind: "MUTE" | "BAN",
  { actor, input, audit }: OperationContext<{ roomSlug: string; userId: string }>,
) {
  const { room, user } = await restrictable(actor, input);
  const lifted = await liftRestriction({
    roomId: room.id,
    userId: user.id,
    kind,
    audit: audit({ type: "user", id: user.id, label: `@${user.username}` }, `in ${room.name}`),
  });
  if (lifted) await tellMember(room.id, user.id);
  return { lifted, room, user };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

export function durationLabel(minutes: number): string {
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

/**
 * Mutes the member in the room for `minutes`, or bans them, audited in the same transaction (with `alongside`, the
 * caller's writes: the report queue resolves its reports there); then tells them, and a ban ends their connections.
 * Written once for the room page's Moderate dialog and the report queue (lib/moderation/reports.ts).
 */
export async function restrictMember({
  actor,
  audit,
  kind,
  roomSlug,
  userId,
  minutes = 0,
  reason,
  alongside,
}: Pick<OperationContext<unknown>, "actor" | "audit"> & {
  kind: "MUTE" | "BAN";
  roomSlug: string;
  userId: string;
  minutes?: number;
  reason: string;
  alongside?: Alongside;
}) {
  const { room, user } = await restrictable(actor, { roomSlug, userId });
  const until = kind === "MUTE" ? new Date(Date.now() + minutes * 60_000) : null;
  const where = kind === "MUTE" ? `in ${room.name} for ${durationLabel(minutes)}` : `from ${room.name}`;
  await setRestriction({
    roomId: room.id,
    userId: user.id,
    kind,
    until,
    reason,
    byId: actor.id,
    audit: audit({ type: "user", id: user.id, label: `@${user.username}` }, `${where}${reason ? `: ${reason}` : ""}`),
    alongside,
  });
  await tellMember(room.id, user.id);
  // After telling them, so an honest page leaves presence with the reason; a client that keeps a held presence
  // subscription loses it with its connection, and channel auth refuses it on reconnect.
  if (kind === "BAN") await endUserConnections(user.id, { roomId: room.id, reason: "ban" });
  // A banned member stops being in the room's focus session (their study time stops with it).
  if (kind === "BAN") await removeFromFocus({ userId: user.id, roomId: room.id });
  return { room, user, until: until ?? new Date(0) };
}

export const moderationOperations = {
  "room.restrictions": defineOperation<{ roomSlug: string; userId: string }, MemberRestrictions>(
    roomMemberSchema,
    async ({ input }) => {
      const { room, user } = await findRoomAndMember(input);
      const rows = await listMemberRestrictions({ roomId: room.id, userId: user.id });
      const mute = rows.find((r) => r.kind === "MUTE");
      const ban = rows.find((r) => r.kind === "BAN");
      return {
        message: "",
        data: {
          mute: mute?.until ? { until: mute.until.toISOString(), reason: mute.reason } : null,
          ban: ban ? { until: ban.until?.toISOString() ?? null, reason: ban.reason } : null,
        },
      };
    },
  ),

  "room.mute": defineOperation(muteSchema, async ({ actor, input, audit }) => {
    const { room, user, until } = await restrictMember({ actor, audit, kind: "MUTE", ...input });
    return { message: `@${user.username} is muted in “${room.name}” until ${formatUntil(until)}.` };
  }),

  "room.unmute": defineOperation(roomMemberSchema, async (context) => {
    const { lifted, room, user } = await lift("MUTE", context);
    return {
      message: lifted ? `@${user.username} can post in “${room.name}” again.` : `@${user.username} was not muted here.`,
    };
  }),

  "room.ban": defineOperation(banSchema, async ({ actor, input, audit }) => {
    const { room, user } = await restrictMember({ actor, audit, kind: "BAN", ...input });
    return { message: `@${user.username} is banned from “${room.name}”.` };
  }),

  "room.unban": defineOperation(roomMemberSchema, async (context) => {
    const { lifted, room, user } = await lift("BAN", context);
    return {
      message: lifted
        ? `@${user.username} is no longer banned from “${room.name}”.`
        : `@${user.username} was not banned here.`,
    };
  }),
};
