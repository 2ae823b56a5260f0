"use server";
// Opening a room: a verified, active member posts the form (lib/actions/member-action.ts reads and
// checks it), lib/rooms/create-room.ts checks who may and the hourly limit, then creates the room;
// the member lands in it.
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/actions/member-action";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/lib/form-state";
import { createRoomAs } from "@/lib/rooms/create-room";
import { roomSubmissionSchema } from "@/lib/validation/rooms";

export async function createRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = { caller: "verified", schema: roomSubmissionSchema, refill: true } as const;
  return memberAction(formData, options, async ({ name, topic, description }, user) => {
    const { slug } = await createRoomAs(user, { name, topicName: topic, description });
    await setFlash("Share its link to bring people in.", { title: "Room created" });
    redirect(`/rooms/${slug}`);
  });
}
