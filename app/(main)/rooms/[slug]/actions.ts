"use server";
// A room's server actions: edit, delete, slow mode, pin and unpin (the host and moderators), join and leave
// (members). Each finds the caller first and validates what was posted with zod (lib/actions/member-action.ts);
// each goes through lib/rooms (edit-room.ts, delete-room.ts, slow-mode.ts, pins.ts, membership.ts), which check
// who may and how often.
// Refusals come back as form state carrying the AppError's message (403 someone else's room, 404 a room that is gone,
// 429 with the wait).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { invalid } from "@/lib/errors";
import { setFlash } from "@/lib/flash";
import { type FormState } from "@/lib/form-state";
import { deleteRoomAs } from "@/lib/rooms/delete-room";
import { editRoomAs } from "@/lib/rooms/edit-room";
import { joinRoomAs, leaveRoomAs } from "@/lib/rooms/membership";
import { pinMessageAs, unpinMessageAs } from "@/lib/rooms/pins";
import { setSlowModeAs } from "@/lib/rooms/slow-mode";
import { messageIdSchema } from "@/lib/validation/messages";
import { normaliseRoomForm, ROOM_SLUG_PATTERN, roomFormSchema } from "@/lib/validation/rooms";
import { slowModeFormSchema, slowModeLabel } from "@/lib/validation/slow-mode";
import { text } from "@/lib/validation/text";

// Slugs come from slugify (lower-case letters, digits, dashes); anything else names no room.
const slugSchema = text({ message: "Which room?" }).regex(ROOM_SLUG_PATTERN, "That is not a room address.");
const roomRefSchema = z.object({ slug: slugSchema });
const pinFormSchema = z.object({ slug: slugSchema, messageId: messageIdSchema });
const NOT_A_ROOM = "That is not a room address.";

const roomEditSchema = z.preprocess(normaliseRoomForm, roomFormSchema.extend({ slug: slugSchema }));

export async function updateRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // A bad slug is answered alone: the room, not the form, is the problem.
  const onInvalid = ({ slug, ...fields }: Record<string, string>): FormState => {
    throw slug ? invalid({ slug }, NOT_A_ROOM) : invalid(fields);
  };
  return memberAction(formData, { schema: roomEditSchema, refill: true, onInvalid }, async (input, user) => {
    const { slug, name, topic, description } = input;
    // Renames keep the slug, so links keep working.
    await editRoomAs(user, { slug }, { name, topicName: topic, description });
    await setFlash("Room updated");
    redirect(`/rooms/${slug}`);
  });
}

export async function deleteRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: roomRefSchema, invalidMessage: NOT_A_ROOM }, async ({ slug }, user) => {
    const { name } = await deleteRoomAs(user, { slug });
    await setFlash(`“${name}” and its messages are gone.`, { title: "Room deleted" });
    redirect("/");
  });
}

export async function joinRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Joining counts towards the room's participants, so it takes a confirmed account.
  const options = { caller: "verified", schema: roomRefSchema, invalidMessage: NOT_A_ROOM } as const;
  return memberAction(formData, options, async ({ slug }, user) => {
    const room = await joinRoomAs(user, { slug });
    revalidatePath(`/rooms/${slug}`);
    return { status: "success", message: `You joined “${room.name}”.` };
  });
}

export async function leaveRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: roomRefSchema, invalidMessage: NOT_A_ROOM }, async ({ slug }, user) => {
    const room = await leaveRoomAs(user, { slug });
    revalidatePath(`/rooms/${slug}`);
    return { status: "success", message: `You left “${room.name}”.` };
  });
}

export async function setSlowModeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // A bad slug is answered alone, as for the edit: the room, not the choice, is the problem.
  const onInvalid = ({ slug, ...fields }: Record<string, string>): FormState => {
    throw slug ? invalid({ slug }, NOT_A_ROOM) : invalid(fields, fields.seconds);
  };
  return memberAction(formData, { schema: slowModeFormSchema, onInvalid }, async (input, user) => {
    const { seconds } = await setSlowModeAs(user, input);
    // The page shows the new setting even when the realtime server cannot tell it (`room:updated`).
    revalidatePath(`/rooms/${input.slug}`);
    return {
      status: "success",
      message: seconds === 0 ? "Slow mode is off." : `Slow mode is on: one message every ${slowModeLabel(seconds)}.`,
    };
  });
}

// The pins panel and the message list update from `pins:updated`, so these revalidate nothing.
export async function pinMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(
    formData,
    { schema: pinFormSchema, invalidMessage: "That is not a message of a room." },
    async (input, user) => {
      const { changed } = await pinMessageAs(user, input);
      return { status: "success", message: changed ? "Message pinned." : "This message was already pinned." };
    },
  );
}

export async function unpinMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(
    formData,
    { schema: pinFormSchema, invalidMessage: "That is not a message of a room." },
    async (input, user) => {
      const { changed } = await unpinMessageAs(user, input);
      return { status: "success", message: changed ? "Message unpinned." : "This message was not pinned." };
    },
  );
}
