import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { findRoomWithLatestMessages, ROOM_PAGE_MESSAGES } from "@/lib/db/messages";
import { isParticipant } from "@/lib/db/participants";
import { canManageRoom } from "@/lib/rooms/permissions";
import { MessageList } from "./_components/message-list";
import { RoomHeader, type RoomViewer } from "./_components/room-header";

export const dynamic = "force-dynamic";

interface RoomPageProps {
  params: Promise<{ slug: string }>;
}

// Slugs come from slugify (lower-case letters, digits, dashes); anything else cannot exist.
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Shared by the metadata and the page within one request. */
const roomOf = cache(async (slug: string) => (SLUG_PATTERN.test(slug) ? findRoomWithLatestMessages({ slug }) : null));

export async function generateMetadata({ params }: RoomPageProps): Promise<Metadata> {
  const room = await roomOf((await params).slug);
  if (!room) return { title: "Room not found" };
  return { title: room.name, description: room.description || `A Roomful room about ${room.topic.name}.` };
}

export default async function RoomPage({ params }: RoomPageProps) {
  // No loading boundary above this: an unknown slug answers with a real 404.
  const [room, user] = await Promise.all([roomOf((await params).slug), getCurrentUser()]);
  if (!room) notFound();
  const hostId = room.host?.id ?? null;
  const viewer: RoomViewer = {
    signedIn: user !== null,
    joined: user !== null && (await isParticipant({ roomId: room.id, userId: user.id })),
    isHost: user !== null && hostId === user.id,
    canManage: canManageRoom(user, { hostId }),
  };

  return (
    <div className="mx-auto max-w-4xl px-4 pt-6 pb-16 sm:px-6 sm:pt-10">
      <Link
        href="/"
        className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-ink-muted transition hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <span aria-hidden="true">←</span> All rooms
      </Link>
      <RoomHeader room={room} viewer={viewer} />

      <section aria-labelledby="conversation-heading" className="mt-6 overflow-hidden rounded-2xl border border-line bg-surface shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-3 sm:px-6">
          <h2 id="conversation-heading" className="text-sm font-semibold text-ink">
            Conversation
          </h2>
          {room.hasOlder ? <p className="text-xs text-ink-subtle">Showing the latest {ROOM_PAGE_MESSAGES} messages</p> : null}
        </div>
        {room.messages.length > 0 ? (
          <MessageList messages={room.messages} />
        ) : (
          <div data-testid="messages-empty" className="flex flex-col items-center px-6 py-14 text-center">
            <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent-ink">
              <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" className="size-6">
                <path d="M5 6.5A2.5 2.5 0 0 1 7.5 4h9A2.5 2.5 0 0 1 19 6.5v7a2.5 2.5 0 0 1-2.5 2.5H12l-4 3.5V16h-.5A2.5 2.5 0 0 1 5 13.5z" />
              </svg>
            </span>
            <p className="mt-4 font-semibold text-ink">No messages yet</p>
            <p className="mt-1 max-w-sm text-sm text-ink-muted">When people start talking here, their messages show up in this space.</p>
          </div>
        )}
      </section>
    </div>
  );
}
