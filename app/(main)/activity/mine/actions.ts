"use server";
// My activity's server actions: a member deletes a room they host (lib/rooms/delete-room.ts, as the
// room page does) or soft-deletes a message they sent (lib/chat/message-deletion.ts, as the room does).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { deleteMessage } from "@/lib/chat/message-deletion";
import { invalid, knownError } from "@/lib/errors";
import { log } from "@/lib/log";
import { deleteRoomAs } from "@/lib/rooms/delete-room";
import { messageIdSchema } from "@/lib/validation/messages";
import { roomSlugParamSchema } from "@/lib/validation/rooms";

/** What the page needs to know: an HTTP-like status and a message fit for a toast. */
export type DeleteOutcome =
  { ok: true; message: string } | { ok: false; status: number; code: string; message: string };

const messageInput = z.object({ messageId: messageIdSchema });
const roomInput = z.object({ slug: roomSlugParamSchema });

function outcomeOf(thrown: unknown): DeleteOutcome {
  const error = knownError(thrown);
  if (error) return { ok: false, status: error.status, code: error.code, message: error.message };
  log.error({ err: thrown }, "deleting from my activity failed");
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
    const room = await deleteRoomAs(user, parsed.data, {
      refusal: "Only the host or a moderator can delete this room.",
    });
    refresh();
    return { ok: true, message: `“${room.name}” was deleted.` };
  } catch (error) {
    return outcomeOf(error);
  }
}
