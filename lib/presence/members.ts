// Who is in a room, as the people panel shows it: presence members (from the realtime server,
// several tabs of one person already merged by user id) and the room's stored participants.
// Pure and browser-safe, so the panel and the unit tests share it.
import { z } from "zod";

/** What channel auth (lib/chat/channel-auth.ts) puts in `user_info`; parsed, never trusted. */
export const presenceInfoSchema = z.object({
  name: z.string().min(1).max(200),
  username: z.string().min(1).max(64),
  avatarUrl: z.string().max(2048).nullable(),
});

const memberIdSchema = z.string().min(1).max(64);

/** How many offline participants the people panel lists before "and N more". */
export const PARTICIPANTS_SHOWN = 50;

export const personSchema = presenceInfoSchema.extend({ id: memberIdSchema });
export type Person = z.infer<typeof personSchema>;

/** A presence member ({ id, info } as pusher-js hands them out), or null when malformed. */
export function parseMember(id: unknown, info: unknown): Person | null {
  const parsedId = memberIdSchema.safeParse(id);
  const parsedInfo = presenceInfoSchema.safeParse(info);
  if (!parsedId.success || !parsedInfo.success) return null;
  return { id: parsedId.data, ...parsedInfo.data };
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** By name as people read it (case and accents aside), then by username so the order is total. */
export function compareByName(a: Person, b: Person): number {
  return collator.compare(a.name, b.name) || (a.username < b.username ? -1 : a.username > b.username ? 1 : 0);
}

/** One entry per id (the last one wins: it is the freshest info), sorted by name. */
export function sortMembers(members: Iterable<Person>): Person[] {
  const byId = new Map<string, Person>();
  for (const member of members) byId.set(member.id, member);
  return [...byId.values()].sort(compareByName);
}

export function withMember(members: readonly Person[], member: Person): Person[] {
  return sortMembers([...members, member]);
}

export function withoutMember(members: readonly Person[], id: string): Person[] {
  return members.some((m) => m.id === id) ? members.filter((m) => m.id !== id) : [...members];
}

export interface OfflineParticipants {
  shown: Person[];
  /** Participants not online and not shown (beyond the cap, or beyond the rows loaded). */
  more: number;
}

/**
 * Participants minus those online and the viewer, capped. `total` counts all of the room's, `participants` is the
 * first page, loaded large enough to hold everyone a presence channel can carry, so online ones are on it.
 */
export function offlineParticipants({
  participants,
  total,
  onlineIds,
  viewerId,
  cap,
}: {
  participants: readonly Person[];
  total: number;
  onlineIds: ReadonlySet<string>;
  viewerId: string | null;
  cap: number;
}): OfflineParticipants {
  const seen = new Set<string>();
  const offline: Person[] = [];
  let excluded = 0;
  for (const person of participants) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    if (onlineIds.has(person.id) || person.id === viewerId) excluded++;
    else offline.push(person);
  }
  const shown = offline.slice(0, Math.max(0, cap));
  return { shown, more: Math.max(0, total - excluded - shown.length) };
}
