"use server";
// My activity's server actions: a member deletes a room they host (the same as deleting it from
// the room: canManageRoom, then tell anyone inside) or soft-deletes a message they sent (lib/chat's
// deleteMessage). Each is a public endpoint: it finds the caller, validates the input with zod,
// then checks permission.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { deleteMessage } from "@/lib/chat/message-deletion";
import { deleteRoom, findRoomForEdit } from "@/lib/db/rooms";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { publishRoomDeleted } from "@/lib/realtime/events";
import { canManageRoom } from "@/lib/rooms/permissions";
import { messageIdSchema } from "@/lib/validation/messages";
import { roomSlugParamSchema } from "@/lib/validation/rooms";

/** What the page needs to know: an HTTP-like status and a message fit for a toast. */
export type DeleteOutcome =
  { ok: true; message: string } | { ok: false; status: number; code: string; message: string };

const messageInput = z.object({ messageId: messageIdSchema });
const roomInput = z.object({ slug: roomSlugParamSchema });

function outcomeOf(error: unknown): DeleteOutcome {
  if (error instanceof AppError) return { ok: false, status: error.status, code: error.code, message: error.message };
  log.error({ err: error }, "deleting from my activity failed");
  return { ok: false, status: 500, code: "internal", message: "Something went wrong on our side. Please try again." };
}

function refresh(): void {
  revalidatePath("/activity", "layout");
  revalidatePath("/");
}

export async function deleteMyMessageAction(input: { messageId: number }): Promise<DeleteOutcome> {
  try {
    const user = await requireUser();
    const parsed = messageInput.safeParse(input);
    if (!parsed.success) throw invalid({ messageId: "Not a message." }, "That is not a message we know.");
    await deleteMessage({ actor: user, messageId: parsed.data.messageId, ownOnly: true });
    refresh();
    return { ok: true, message: "Message deleted." };
  } catch (error) {
    return outcomeOf(error);
  }
}

export async function deleteMyRoomAction(input: { slug: string }): Promise<DeleteOutcome> {
  try {
    const user = await requireUser();
    const parsed = roomInput.safeParse(input);
    if (!parsed.success) throw invalid({ slug: "Not a room." }, "That is not a room we know.");
    const room = await findRoomForEdit({ slug: parsed.data.slug });
    if (!room) throw notFound("room", "This room no longer exists.");
    if (!canManageRoom(user, room)) throw forbidden("room", "Only the host or a moderator can delete this room.");
    // False when someone else deleted it a moment ago: gone either way, and they told the room.
    if (await deleteRoom({ id: room.id })) await publishRoomDeleted({ roomId: room.id, slug: room.slug });
    refresh();
    return { ok: true, message: `“${room.name}” was deleted.` };
  } catch (error) {
    return outcomeOf(error);
  }
}
