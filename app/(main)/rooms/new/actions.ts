"use server";
// Opening a room: a verified, active member posts the form (lib/actions/member-action.ts reads and
// checks it), lib/db/rooms.ts creates the room with a free slug, and the member lands in it.
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/actions/member-action";
import { createRoom } from "@/lib/db/rooms";
import { forbidden } from "@/lib/errors";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/lib/form-state";
import { canCreateRoom } from "@/lib/rooms/permissions";
import { roomSubmissionSchema } from "@/lib/validation/rooms";

export async function createRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = { caller: "verified", schema: roomSubmissionSchema, refill: true } as const;
  return memberAction(formData, options, async ({ name, topic, description }, user) => {
    if (!canCreateRoom(user)) throw forbidden("room", "Your account cannot open rooms right now.");
    const { slug } = await createRoom({ name, topicName: topic, description, hostId: user.id });
    await setFlash("Share its link to bring people in.", { title: "Room created" });
    redirect(`/rooms/${slug}`);
  });
}
