"use client";
// Who is in the room now, from its presence channel: the whole list on each subscription (also
// after every reconnect, whatever was missed meanwhile), then member_added / member_removed.
import type { PresenceChannel } from "pusher-js";
import { useState } from "react";
import { useRoomChannel } from "@/components/realtime/use-room-channel";
import { parseMember, sortMembers, withMember, withoutMember, type Person } from "@/lib/presence/members";

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

/** `online` is null until subscribed and while the connection is down (the last list would be a guess). */
export function useOnlineMembers(roomId: string): { online: Person[] | null; refused: boolean } {
  const [members, setMembers] = useState<Person[] | null>(null);
  const [refused, setRefused] = useState(false);
  const { subscribed } = useRoomChannel(
    roomId,
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
        setRefused(false);
        setMembers(membersOf(channel));
      },
      onSubscriptionError: () => setRefused(true),
    },
  );
  return { online: subscribed ? members : null, refused };
}
