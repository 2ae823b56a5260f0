import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { RoomPeople } from "@/components/presence/room-people";
import { listStaffIds } from "@/lib/db/users";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { readSessionClaims } from "@/lib/auth/session-cookie";
import { toHistoryEntry } from "@/lib/chat/messages";
import { findPostingState } from "@/lib/db/restrictions";
import { JUMP_DELETED, JUMP_NOT_FOUND } from "@/lib/chat/client/jump";
import {
  findRoomWithLatestMessages,
  listMessagesAround,
  ROOM_PAGE_MESSAGES,
  type MessageWindow,
} from "@/lib/db/messages";
import { isParticipant } from "@/lib/db/participants";
import { decidingRestriction, restrictionOf } from "@/lib/moderation/posting-rule";
import { getOnlineCounts } from "@/lib/realtime/presence";
import { canManageRoom } from "@/lib/rooms/permissions";
import { pinsOfRoom } from "@/lib/rooms/pins";
import { slowModeViewOf } from "@/lib/rooms/slow-mode";
import { notFoundMetadata, previewMetadata } from "@/lib/site/metadata";
import { roomSlugParamSchema } from "@/lib/validation/rooms";
import { readJumpParam } from "./_components/jump-param";
import type { RoomViewer } from "./_components/room-header";
import { RoomChat, type ChatViewer, type RoomPosting } from "./_components/room-chat";

export const dynamic = "force-dynamic";

interface RoomPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Shared by the metadata and the page within one request; a slug slugify cannot make cannot exist. The reader's own
 * reactions are marked by the cookie's claims, read beside the session check (they are public anyway).
 */
const roomOf = cache(async (slug: string) =>
  roomSlugParamSchema.safeParse(slug).success
    ? findRoomWithLatestMessages(slug, ROOM_PAGE_MESSAGES, (await readSessionClaims())?.sub ?? null)
    : null,
);

/** The link preview: the room's name and description (the picture is ./opengraph-image.tsx). */
export async function generateMetadata({ params }: RoomPageProps): Promise<Metadata> {
  const room = await roomOf((await params).slug);
  if (!room) return notFoundMetadata("Room not found");
  return previewMetadata({
    title: room.name,
    description: room.description || `A room about ${room.topic.name} on Roomful: join the conversation live.`,
    path: `/rooms/${room.slug}`,
  });
}

/**
 * The lock and the viewer's own ban or mute, apart: everyone sees the lock, and a mute still holds when unlocked.
 * The browser applies the rule (lib/moderation/posting-rule.ts) and words it in its own time zone.
 */
async function postingOf(roomId: string, userId: string | null): Promise<RoomPosting> {
  const state = await findPostingState({ roomId, userId });
  const held = decidingRestriction((state?.restrictions ?? []).map(restrictionOf));
  return {
    locked: Boolean(state?.room.lockedAt),
    restriction: held && { ...held, until: held.until?.toISOString() ?? null },
  };
}

function PeopleSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-3 p-4">
      <div className="h-4 w-24 animate-pulse rounded bg-sunken" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex items-center gap-2">
          <div className="size-8 animate-pulse rounded-full bg-sunken" />
          <div className="h-3 w-28 animate-pulse rounded bg-sunken" />
        </div>
      ))}
    </div>
  );
}

export default async function RoomPage({ params, searchParams }: RoomPageProps) {
  // No loading boundary above this: an unknown slug answers with a real 404.
  const [room, user, jump] = await Promise.all([
    roomOf((await params).slug),
    getCurrentUser(),
    searchParams.then(readJumpParam),
  ]);
  if (!room) notFound();
  const hostId = room.host?.id ?? null;
  const canManage = canManageRoom(user, { hostId });
  // Moderators (not hosts) may mute and ban in any room: they get Moderate on members' messages.
  const moderator = user !== null && !user.deactivated && hasRole(user, "MODERATOR");
  const [posting, staffIds, online, around, slowMode, pins] = await Promise.all([
    postingOf(room.id, user?.id ?? null),
    // Hosts need them too: only admins delete what staff wrote.
    canManage ? listStaffIds() : Promise.resolve([]),
    getOnlineCounts([room.id]),
    // A message link (?m=): its window replaces the latest messages; the latest page read with the room is unused.
    jump.messageId === null
      ? Promise.resolve<MessageWindow | null>(null)
      : listMessagesAround({
          roomId: room.id,
          id: jump.messageId,
          limit: ROOM_PAGE_MESSAGES,
          viewerId: user?.id ?? null,
        }),
    // The host and staff post without waiting; the rest get their wait, so a reload keeps the countdown.
    slowModeViewOf({ roomId: room.id, viewerId: user?.id ?? null, exempt: canManage }),
    // The pins panel opens without a request.
    pinsOfRoom({ roomId: room.id }),
  ]);
  const jumpNotice =
    jump.invalid || (jump.messageId !== null && !around)
      ? JUMP_NOT_FOUND
      : around?.messages.some((m) => m.id === jump.messageId && m.deletedAt)
        ? JUMP_DELETED
        : null;
  const viewer: RoomViewer = {
    signedIn: user !== null,
    joined: user !== null && (await isParticipant({ roomId: room.id, userId: user.id })),
    isHost: user !== null && hostId === user.id,
    canManage,
  };
  const member: ChatViewer | null = user
    ? {
        id: user.id,
        username: user.username,
        name: user.name,
        avatarUrl: user.avatarUrl,
        emailVerified: user.emailVerified && !user.deactivated,
        canModerate: canManage,
        canRestrict: moderator,
        actsOnStaff: user.role === "ADMIN",
      }
    : null;

  return (
    <RoomChat
      // A new room is a new conversation: no state carries over between rooms.
      key={room.id}
      room={{
        id: room.id,
        slug: room.slug,
        name: room.name,
        description: room.description,
        topic: room.topic,
        host: room.host ? { username: room.host.username, name: room.host.name, avatarUrl: room.host.avatarUrl } : null,
        participantCount: room.participantCount,
        createdAt: room.createdAt.toISOString(),
        studyBoard: room.studyBoard,
      }}
      viewer={viewer}
      member={member}
      posting={posting}
      slowMode={slowMode}
      initialPins={pins}
      staffIds={staffIds}
      // The same shapes and rendering as the API's, so the server's HTML and the browser's state are one thing.
      initialEntries={(around ?? room).messages.map(toHistoryEntry)}
      initialHasOlder={(around ?? room).hasOlder}
      initialJump={{ hasNewer: around?.hasNewer ?? false, target: around ? jump.messageId : null, notice: jumpNotice }}
      // The render's own clock, handed to the browser so both render the same times.
      // eslint-disable-next-line react-hooks/purity
      renderedAt={Date.now()}
      initialOnline={online[room.id] ?? 0}
      people={
        <Suspense fallback={<PeopleSkeleton />}>
          <RoomPeople roomId={room.id} viewerId={user?.id ?? null} />
        </Suspense>
      }
    />
  );
}
