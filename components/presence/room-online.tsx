"use client";
// Who is online in a room, for the People button and the people panel, kept once per room page.
// Faces come from the presence channel (up to its limit); the count comes from presence while the
// room fits in it, and from the room channel's `room:online` (members' here-channels, no cap) once
// it does not. A member the full presence channel turned away asks the server for the faces.
import type { PresenceChannel } from "pusher-js";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useChannel } from "@/components/realtime/use-channel";
import { usePresenceChannel } from "@/components/realtime/use-presence-channel";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { fetchRoomOnline } from "@/lib/chat/client/chat-api";
import { parseMember, sortMembers, withMember, withoutMember, type Person } from "@/lib/presence/members";
import { hereChannel } from "@/lib/realtime/channels";
import { onlineCountSchema, ROOM_EVENTS } from "@/lib/realtime/event-schemas";

export interface RoomOnline {
  /** Members online now, true above the presence limit. */
  count: number;
  /** Up to the presence limit of them, by name; null until known. */
  faces: Person[] | null;
  /** Presence was refused for a reason other than being full: faces are unknown. */
  refused: boolean;
}

const RoomOnlineContext = createContext<RoomOnline>({ count: 0, faces: null, refused: false });

/** What soketi and Pusher answer when a presence channel is full. */
function isFull(error: unknown): boolean {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  return status === 4100 || (type === "LimitReached" && status !== 4301);
}

/** pusher-js hands members out as { id, info }. */
function personOf(member: unknown): Person | null {
  const { id, info } = (member ?? {}) as { id?: unknown; info?: unknown };
  return parseMember(id, info);
}

function membersOf(channel: PresenceChannel): Person[] {
  const people: Person[] = [];
  channel.members.each((member: unknown) => {
    const person = personOf(member);
    if (person) people.push(person);
  });
  return sortMembers(people);
}

/** How long a turned-away member waits between asks for the faces, while the count keeps changing. */
const FACES_REFRESH_MS = 30_000;

export interface RoomOnlineProviderProps {
  roomId: string;
  slug: string;
  /** The signed-in member (null: a visitor, who gets the count but no faces). */
  viewerId: string | null;
  /** The server's count when the page was rendered. */
  initialCount: number;
  children: ReactNode;
}

export function RoomOnlineProvider({ roomId, slug, viewerId, initialCount, children }: RoomOnlineProviderProps) {
  const [members, setMembers] = useState<Person[] | null>(null);
  // Why presence turned us away, if it did: "full" is normal past its limit, anything else is a refusal.
  const [turnedAway, setTurnedAway] = useState<"full" | "refused" | null>(null);
  const full = turnedAway === "full";
  const [serverCount, setServerCount] = useState(initialCount);
  const [fetchedFaces, setFetchedFaces] = useState<Person[] | null>(null);
  const countsHeard = useRef(0);

  // Holding this channel is what makes the member count as online (uncapped, unlike presence).
  useChannel(viewerId ? hereChannel(roomId, viewerId) : null, {});
  useRoomChannel(
    roomId,
    {
      [ROOM_EVENTS.onlineCount]: (data) => {
        const parsed = onlineCountSchema.safeParse(data);
        if (!parsed.success || parsed.data.roomId !== roomId) return;
        countsHeard.current++;
        setServerCount(parsed.data.online);
      },
    },
    {
      // A count announced between the page's render and this subscription (or while reconnecting) was missed.
      onSubscribed: () => {
        const heard = countsHeard.current;
        fetchRoomOnline(slug).then(
          (online) => {
            if (countsHeard.current === heard) setServerCount(online.online);
          },
          () => {},
        );
      },
    },
  );
  const { subscribed: inPresence } = usePresenceChannel(
    roomId,
    viewerId,
    {
      "pusher:member_added": (member) => {
        const person = personOf(member);
        if (person) setMembers((list) => (list ? withMember(list, person) : list));
      },
      "pusher:member_removed": (member) => {
        const { id } = (member ?? {}) as { id?: unknown };
        if (typeof id === "string") setMembers((list) => (list ? withoutMember(list, id) : list));
      },
    },
    {
      onSubscribed: (channel) => {
        setTurnedAway(null);
        setMembers(membersOf(channel));
      },
      onSubscriptionError: (error) => setTurnedAway(isFull(error) ? "full" : "refused"),
    },
  );

  // Turned away by a full presence channel: the faces come from the server, again when the count
  // moves, at most once per FACES_REFRESH_MS.
  const lastAsked = useRef(0);
  useEffect(() => {
    if (!full) return;
    // A new count only moves the next ask; an answer on its way is still used (a newer count follows it).
    const timer = window.setTimeout(
      () => {
        lastAsked.current = Date.now();
        const heard = countsHeard.current;
        fetchRoomOnline(slug).then(
          (online) => {
            setFetchedFaces(sortMembers(online.people));
            // A count heard live meanwhile is newer than this answer.
            if (countsHeard.current === heard) setServerCount(online.online);
          },
          () => {},
        );
      },
      Math.max(0, lastAsked.current + FACES_REFRESH_MS - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [full, slug, serverCount]);

  const presenceMembers = inPresence ? members : null;
  const value = useMemo<RoomOnline>(
    () => ({
      // Presence is instant, the server's count (webhooks) a moment late but uncapped: the larger is the truth.
      count: Math.max(presenceMembers?.length ?? 0, serverCount),
      faces: full ? fetchedFaces : presenceMembers,
      refused: turnedAway === "refused",
    }),
    [presenceMembers, full, serverCount, fetchedFaces, turnedAway],
  );
  return <RoomOnlineContext.Provider value={value}>{children}</RoomOnlineContext.Provider>;
}

export function useRoomOnline(): RoomOnline {
  return useContext(RoomOnlineContext);
}
