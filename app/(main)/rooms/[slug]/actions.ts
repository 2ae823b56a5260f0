"use server";
// A room's server actions: edit and delete (the host and moderators), join and leave (members).
// Each finds the caller first (requireUser) and validates what was posted with zod; edit and delete
// go through lib/rooms (edit-room.ts, delete-room.ts), which check who may. Refusals come back as
// form state carrying the AppError's message (403 someone else's room, 404 a room that is gone).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setFlash } from "@/components/ui/flash";
import { requireUser } from "@/lib/auth/session";
import { addParticipant, removeParticipant } from "@/lib/db/participants";
import { findRoomForEdit } from "@/lib/db/rooms";
import { AppError, fieldErrorsOf, invalid, notFound } from "@/lib/errors";
import { formStateFromError } from "@/lib/form-errors";
import { keptValues, type FormState } from "@/lib/form-state";
import { deleteRoomAs } from "@/lib/rooms/delete-room";
import { editRoomAs } from "@/lib/rooms/edit-room";
import { ROOM_SLUG_PATTERN, roomFormSchema } from "@/lib/validation/rooms";

// Slugs come from slugify (lower-case letters, digits, dashes); anything else names no room.
const slugSchema = z.string({ message: "Which room?" }).regex(ROOM_SLUG_PATTERN, "That is not a room address.");
const roomRefSchema = z.object({ slug: slugSchema });

function text(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
}

function slugOf(formData: FormData): string {
  const parsed = roomRefSchema.safeParse({ slug: text(formData, "slug") });
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error), "That is not a room address.");
  return parsed.data.slug;
}

const roomGone = () => notFound("room", "This room no longer exists.");

async function existingRoom(slug: string) {
  const room = await findRoomForEdit({ slug });
  if (!room) throw roomGone();
  return room;
}

export async function updateRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData);
  let slug: string;
  try {
    const user = await requireUser();
    slug = slugOf(formData);
    const parsed = roomFormSchema.safeParse({
      name: text(formData, "name")?.replace(/\s+/g, " "),
      topic: text(formData, "topic")?.replace(/\s+/g, " "),
      description: text(formData, "description")?.replace(/\r\n/g, "\n"),
    });
    if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
    const { name, topic, description } = parsed.data;
    // Renames keep the slug, so links keep working.
    await editRoomAs(user, { slug }, { name, topicName: topic, description });
  } catch (error) {
    return formStateFromError(error, values);
  }
  await setFlash("Room updated");
  redirect(`/rooms/${slug}`);
}

export async function deleteRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let name: string;
  try {
    const user = await requireUser();
    ({ name } = await deleteRoomAs(user, { slug: slugOf(formData) }));
  } catch (error) {
    return formStateFromError(error);
  }
  await setFlash(`“${name}” and its messages are gone.`, { title: "Room deleted" });
  redirect("/");
}

export async function joinRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    // Joining counts towards the room's participants, so it takes a confirmed account.
    const user = await requireUser({ verified: true });
    const slug = slugOf(formData);
    const room = await existingRoom(slug);
    await addParticipant({ roomId: room.id, userId: user.id });
    revalidatePath(`/rooms/${slug}`);
    return { status: "success", message: `You joined “${room.name}”.` };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function leaveRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const slug = slugOf(formData);
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
  } catch (error) {
    return formStateFromError(error);
  }
}
