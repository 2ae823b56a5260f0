"use server";
// In-room moderation for components/moderation, guarded and audited like every admin action
// (lib/admin/server-actions.ts); tests/integration/admin-registry.test.ts checks them.
import { adminCallAction } from "../admin/server-actions";

export interface RoomMemberRef {
  roomSlug: string;
  userId: string;
}

export async function memberRestrictionsAction(input: RoomMemberRef) {
  return adminCallAction("room.restrictions", input, { revalidate: false });
}

export async function muteMemberAction(input: RoomMemberRef & { minutes: number; reason: string }) {
  return adminCallAction("room.mute", input);
}

export async function unmuteMemberAction(input: RoomMemberRef) {
  return adminCallAction("room.unmute", input);
}

export async function banMemberAction(input: RoomMemberRef & { reason: string }) {
  return adminCallAction("room.ban", input);
}

export async function unbanMemberAction(input: RoomMemberRef) {
  return adminCallAction("room.unban", input);
}
