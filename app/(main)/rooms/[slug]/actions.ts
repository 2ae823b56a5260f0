"use server";
// A room's server actions: edit and delete (the host and moderators), join and leave (members).
// Each is a public endpoint: it finds the caller first, validates what was posted with zod,
// checks the permission (canManageRoom), then acts. Refusals come back as form state carrying the
// AppError's message (403 someone else's room, 404 a room that is gone), never a crash.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { addParticipant, removeParticipant } from "@/lib/db/participants";
import { deleteRoom, findRoomCard, findRoomForEdit, updateRoom } from "@/lib/db/rooms";
import { AppError, fieldErrorsOf, forbidden, invalid, notFound } from "@/lib/errors";
import { setFlash } from "@/lib/flash";
import { formStateFromError } from "@/lib/form-errors";
import { type FormState } from "@/lib/form-state";
import { publishRoomDeleted, publishRoomUpdated } from "@/lib/realtime/events";
import { canManageRoom } from "@/lib/rooms/permissions";
import { ROOM_SLUG_PARAM_PATTERN, roomFormSchema } from "@/lib/validation/rooms";

// Slugs come from slugify (lower-case letters, digits, dashes); anything else names no room.
const slugSchema = z.string({ message: "Which room?" }).regex(ROOM_SLUG_PARAM_PATTERN, "That is not a room address.");
const roomRefSchema = z.object({ slug: slugSchema });
const NOT_A_ROOM = "That is not a room address.";

/** Names and topics are one line, however they were posted; descriptions keep "\n" line breaks. */
const roomEditSchema = z.preprocess(
  (form) => {
    const { name, topic, description } = form as Record<string, string | undefined>;
    return {
      ...(form as object),
      name: name?.replace(/\s+/g, " "),
      topic: topic?.replace(/\s+/g, " "),
      description: description?.replace(/\r\n/g, "\n"),
    };
  },
  roomFormSchema.extend({ slug: slugSchema }),
);

function text(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
}

function slugOf(formData: FormData): string {
  const parsed = roomRefSchema.safeParse({ slug: text(formData, "slug") });
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error), NOT_A_ROOM);
  return parsed.data.slug;
}

const roomGone = () => notFound("room", "This room no longer exists.");

async function existingRoom(slug: string) {
  const room = await findRoomForEdit({ slug });
  if (!room) throw roomGone();
  return room;
}

/** The room, if `user` may edit and delete it (its host, or a moderator). */
async function managedRoom(slug: string, user: SessionUser) {
  const room = await existingRoom(slug);
  if (!canManageRoom(user, room)) throw forbidden("room", "Only the room’s host and moderators can change this room.");
  return room;
}

export async function updateRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // A bad slug is answered alone, as slugOf does: the room, not the form, is the problem.
  const onInvalid = ({ slug, ...fields }: Record<string, string>): FormState => {
    throw slug ? invalid({ slug }, NOT_A_ROOM) : invalid(fields);
  };
  return memberAction(formData, { schema: roomEditSchema, refill: true, onInvalid }, async (input, user) => {
    const { slug, name, topic, description } = input;
    const room = await managedRoom(slug, user);
    // Renames keep the slug, so links keep working.
    await updateRoom({ id: room.id, name, topicName: topic, description });
    const card = await findRoomCard({ slug });
    if (card)
      await publishRoomUpdated({
        roomId: card.id,
        slug,
        name: card.name,
        description: card.description,
        topic: card.topic,
      });
    await setFlash("Room updated");
    redirect(`/rooms/${slug}`);
  });
}

export async function deleteRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let name: string;
  try {
    const user = await requireUser();
    const room = await managedRoom(slugOf(formData), user);
    // False when a second request got there first: it is gone either way.
    if (await deleteRoom({ id: room.id })) await publishRoomDeleted({ roomId: room.id, slug: room.slug });
    name = room.name;
  } catch (error) {
    return formStateFromError(error);
  }
  await setFlash(`“${name}” and its messages are gone.`, { title: "Room deleted" });
  redirect("/");
}

export async function joinRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Joining counts towards the room's participants, so it takes a confirmed account.
  const options = { caller: "verified", schema: roomRefSchema, invalidMessage: NOT_A_ROOM } as const;
  return memberAction(formData, options, async ({ slug }, user) => {
    const room = await existingRoom(slug);
    await addParticipant({ roomId: room.id, userId: user.id });
    revalidatePath(`/rooms/${slug}`);
    return { status: "success", message: `You joined “${room.name}”.` };
  });
}

export async function leaveRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: roomRefSchema, invalidMessage: NOT_A_ROOM }, async ({ slug }, user) => {
    const room = await existingRoom(slug);
    if (room.hostId === user.id) {
      throw new AppError(
        "conflict:host_leave",
        "You host this room, so you can’t leave it: a room needs its host. You can delete the room instead.",
        409,
      );
    }
    await removeParticipant({ roomId: room.id, userId: user.id });
    revalidatePath(`/rooms/${slug}`);
    return { status: "success", message: `You left “${room.name}”.` };
  });
}
