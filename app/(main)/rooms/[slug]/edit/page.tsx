import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { findRoomForEdit } from "@/lib/db/rooms";
import { canManageRoom } from "@/lib/rooms/permissions";
import { RoomForm } from "../../_components/room-form";
import { updateRoomAction } from "../actions";
import { DeleteRoomButton } from "../_components/delete-room-button";
import { ROOM_SLUG_PATTERN } from "@/lib/validation/rooms";
import { findRoomStudyBoard } from "@/lib/db/study-log";
import { StudyBoardForm } from "./_components/study-board-form";

export const metadata: Metadata = { title: "Edit room", robots: { index: false } };
export const dynamic = "force-dynamic";

interface EditRoomPageProps {
  params: Promise<{ slug: string }>;
}

// Slugs come from slugify (lower-case letters, digits, dashes); anything else cannot exist.

export default async function EditRoomPage({ params }: EditRoomPageProps) {
  // No loading boundary above this, so notFound() and forbidden() answer with real 404/403 statuses.
  const { slug } = await params;
  if (!ROOM_SLUG_PATTERN.test(slug)) notFound();
  const user = await requireUserOrRedirect(`/rooms/${slug}/edit`);
  const room = await findRoomForEdit({ slug });
  if (!room) notFound();
  if (!canManageRoom(user, room)) forbidden();
  const board = await findRoomStudyBoard({ slug: room.slug });

  return (
    <div className="mx-auto max-w-2xl px-4 pt-6 pb-16 sm:px-6 sm:pt-10">
      <Link
        href={`/rooms/${room.slug}`}
        className="mb-4 inline-flex max-w-full items-center gap-1 rounded text-sm font-medium text-ink-muted transition hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <span aria-hidden="true">←</span> <span className="truncate">Back to {room.name}</span>
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Edit room</h1>
      <p className="mt-1 text-pretty text-ink-muted">
        The address stays <span className="font-medium break-words text-ink">/rooms/{room.slug}</span>, so links to the
        room keep working.
      </p>

      <div className="mt-6 rounded-2xl border border-line bg-surface p-5 shadow-sm sm:mt-8 sm:p-7">
        <RoomForm
          action={updateRoomAction}
          label="Edit room"
          initial={{ name: room.name, topic: room.topic.name, description: room.description }}
          slug={room.slug}
          cancelHref={`/rooms/${room.slug}`}
          submitLabel="Save changes"
          pendingText="Saving…"
        />
      </div>

      <section
        aria-labelledby="study-board-heading"
        className="mt-6 rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-6"
      >
        <h2 id="study-board-heading" className="mb-4 text-base font-semibold text-ink">
          Study board
        </h2>
        <StudyBoardForm slug={room.slug} enabled={board?.studyBoard ?? false} />
      </section>

      <section
        aria-labelledby="delete-room-heading"
        className="mt-6 flex flex-col gap-4 rounded-2xl border border-rose-200 bg-surface p-5 shadow-sm sm:flex-row sm:items-center sm:justify-between sm:p-6 dark:border-rose-900/70"
      >
        <div>
          <h2 id="delete-room-heading" className="text-base font-semibold text-rose-700 dark:text-rose-300">
            Delete this room
          </h2>
          <p className="mt-1 text-sm text-pretty text-ink-muted">
            The room and all its messages are removed for everyone. This cannot be undone.
          </p>
        </div>
        <DeleteRoomButton slug={room.slug} name={room.name} />
      </section>
    </div>
  );
}
