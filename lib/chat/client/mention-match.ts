// The composer's mention suggestions, merged in the browser: people online in the room who match at once, then the
// server's answer (participants, latest posters first, then other members), one entry per person, at most 8.
import type { Person } from "../../presence/members";
import { MENTION_CANDIDATES_MAX } from "../../validation/mentions";

/** Username or name starts with `query` (lower-case), as the server matches. */
export function matchesMention(person: Person, query: string): boolean {
  return person.username.startsWith(query) || person.name.toLowerCase().startsWith(query);
}

export function mergeMentionCandidates({
  online,
  answer,
  query,
  viewerId,
}: {
  online: readonly Person[];
  /** The server's list: for this query, or a shorter prefix's while this one loads (filtered here). */
  answer: readonly Person[];
  query: string;
  viewerId: string | null;
}): Person[] {
  const seen = new Set<string>(viewerId ? [viewerId] : []);
  const merged: Person[] = [];
  for (const person of [...online, ...answer]) {
    if (seen.has(person.id) || !matchesMention(person, query)) continue;
    seen.add(person.id);
    merged.push(person);
    if (merged.length === MENTION_CANDIDATES_MAX) break;
  }
  return merged;
}
