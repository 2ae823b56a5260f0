"use client";
// Whether the viewer may post in this room, kept current, and what the composer shows for it.
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { ComposerMode } from "@/components/chat/composer";
import { useUserChannel } from "@/components/realtime/use-user-channel";
import type { MemberRestriction, PostingBlock } from "@/lib/chat/client/posting-restriction";
import { moderationRestrictedSchema, USER_EVENTS, type RoomUpdatedEvent } from "@/lib/realtime/event-schemas";

/** What the server knew about posting here when it rendered the page. */
export interface RoomPosting {
  locked: boolean;
  /** The viewer's own ban or mute in force; null for visitors. */
  restriction: MemberRestriction | null;
}

/**
 * Whether the viewer may post, kept live from the server, `room:updated`, `moderation:restricted` and 403s on send.
 * After a refusal or a private-channel reconnect (events may have been missed) it asks the server again.
 */
export function useRoomPosting({
  roomId,
  memberId,
  posting,
}: {
  roomId: string;
  memberId: string | null;
  posting: RoomPosting;
}) {
  const router = useRouter();
  const [locked, setLocked] = useState(posting.locked);
  const [restriction, setRestriction] = useState(posting.restriction);
  const [refusal, setRefusal] = useState<string | null>(null);
  // A refresh rendered before a change its event then reported (a ban lifted while reconnecting) must not undo it:
  // once an event has spoken since the last refresh was asked for, that refresh's answer may be older than it.
  const [heardSinceRefresh, setHeardSinceRefresh] = useState(false);
  const [seen, setSeen] = useState(posting);
  if (seen !== posting) {
    // A refresh: the server's answer is the truth now, unless an event is newer.
    setSeen(posting);
    if (!heardSinceRefresh) {
      setLocked(posting.locked);
      setRestriction(posting.restriction);
    }
    setRefusal(null);
  }

  const refresh = useCallback(() => {
    setHeardSinceRefresh(false);
    router.refresh();
  }, [router]);

  useUserChannel(
    memberId,
    {
      [USER_EVENTS.moderationRestricted]: (data) => {
        const parsed = moderationRestrictedSchema.safeParse(data);
        if (!parsed.success || parsed.data.roomId !== roomId) return;
        const { kind, until, reason } = parsed.data;
        setRestriction(kind === "none" ? null : { kind, until, reason });
        setRefusal(null);
        setHeardSinceRefresh(true);
      },
    },
    { onSubscribed: (again) => (again ? refresh() : undefined) },
  );

  const onRoomUpdated = useCallback((event: RoomUpdatedEvent) => {
    if (event.locked === undefined) return;
    setLocked(event.locked);
    setRefusal(null);
    setHeardSinceRefresh(true);
  }, []);

  const onRefused = useCallback(
    ({ message }: { code: string; message: string }) => {
      setRefusal(message);
      refresh();
    },
    [refresh],
  );

  return { locked, restriction, refusal, onRoomUpdated, onRefused };
}

/**
 * What the composer shows. The lock is said to everyone, visitors too; a member's own restriction
 * only once they could post (signed in, email confirmed).
 */
export function composerModeOf({
  deleted,
  block,
  member,
}: {
  deleted: boolean;
  block: PostingBlock | null;
  member: { emailVerified: boolean } | null;
}): ComposerMode {
  if (deleted) return "room-deleted";
  if (block?.kind === "locked") return "restricted";
  if (!member) return "signed-out";
  if (!member.emailVerified) return "unverified";
  return block ? "restricted" : "post";
}
