// Who may post, as one pure rule for the server's check (./posting.ts), the room page, the
// moderators' live notice (lib/admin/operations/moderation.ts) and the browser's composer
// (lib/chat/client/posting-restriction.ts): a room's lock beats a member's ban, which beats their
// mute. The most general reason wins: it still holds when the others end. Browser-safe.

/** A member's restriction in force in a room, `until` as the caller holds times (null: no end). */
export interface Restriction<T> {
  kind: "banned" | "muted";
  until: T | null;
  reason: string;
}

/** The restriction that keeps a member from posting; a mute always has an end. */
export type MemberRestriction<T> =
  { kind: "banned"; until: T | null; reason: string } | { kind: "muted"; until: T; reason: string };

export type PostingRule<T> = { kind: "locked" } | MemberRestriction<T>;

/** A stored restriction (kind BAN or MUTE) in the rule's words. */
export function restrictionOf<T>(row: { kind: "BAN" | "MUTE"; until: T | null; reason: string }): Restriction<T> {
  return { kind: row.kind === "BAN" ? "banned" : "muted", until: row.until, reason: row.reason };
}

/** Of the member's restrictions in force, the one that keeps them from posting: a ban, else a mute. */
export function decidingRestriction<T>(restrictions: readonly Restriction<T>[]): MemberRestriction<T> | null {
  const ban = restrictions.find((r) => r.kind === "banned");
  if (ban) return { kind: "banned", until: ban.until, reason: ban.reason };
  for (const { kind, until, reason } of restrictions) {
    // Only bans may last until lifted: a mute without an end is none.
    if (kind === "muted" && until !== null) return { kind, until, reason };
  }
  return null;
}

/** What keeps the member from posting in the room, or null: the lock first, then their own restriction. */
export function postingRule<T>({
  locked,
  restrictions,
}: {
  locked: boolean;
  restrictions: readonly Restriction<T>[];
}): PostingRule<T> | null {
  return locked ? { kind: "locked" } : decidingRestriction(restrictions);
}
