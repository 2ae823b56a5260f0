"use server";
// Opening a room. A public endpoint like every server action: it finds the caller (a verified,
// active member), validates the form with zod, then creates the room and goes to it.
import { redirect } from "next/navigation";
import { setFlash } from "@/lib/flash";
import { requireUser } from "@/lib/auth/session";
import { createRoom } from "@/lib/db/rooms";
import { fieldErrorsOf, forbidden, invalid } from "@/lib/errors";
import { formStateFromError } from "@/lib/form-errors";
import { keptValues, type FormState } from "@/lib/form-state";
import { canCreateRoom } from "@/lib/rooms/permissions";
import { roomFormSchema } from "@/lib/validation/rooms";

/** The form's text fields; names and topics are one line, however they were posted. */
function roomFormInput(formData: FormData) {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === "string" ? value : undefined;
  };
  return {
    name: text("name")?.replace(/\s+/g, " "),
    topic: text("topic")?.replace(/\s+/g, " "),
    description: text("description")?.replace(/\r\n/g, "\n"),
  };
}

export async function createRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData);
  let slug: string;
  try {
    const user = await requireUser({ verified: true });
    if (!canCreateRoom(user)) throw forbidden("room", "Your account cannot open rooms right now.");
    const parsed = roomFormSchema.safeParse(roomFormInput(formData));
    if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
    const { name, topic, description } = parsed.data;
    ({ slug } = await createRoom({ name, topicName: topic, description, hostId: user.id }));
  } catch (error) {
    return formStateFromError(error, values);
  }
  await setFlash("Share its link to bring people in.", { title: "Room created" });
  // Outside the try: redirect() throws to do its work.
  redirect(`/rooms/${slug}`);
}
