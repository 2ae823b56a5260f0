// A message's reactions in the browser, as pure functions: one emoji's new summary applied (from the member's own
// toggle, its reply, or `reaction:updated`), the guess shown while a toggle is on its way, and equality for the store.
import type { ChatMessage, ReactionGroup, Reactor } from "../message-payload";

/** One emoji's summary after a change; `mine` undefined: whoever changed it was someone else, keep what is held. */
export interface ReactionChange {
  emoji: string;
  count: number;
  reactors: Reactor[];
  mine?: boolean;
}

/** The reactions with `change` applied: updated in place, added at the end, or gone at count 0. */
export function applyReaction(reactions: readonly ReactionGroup[], change: ReactionChange): ReactionGroup[] {
  const held = reactions.find((group) => group.emoji === change.emoji);
  if (change.count <= 0) return reactions.filter((group) => group !== held);
  const mine = change.mine ?? held?.mine ?? false;
  const next: ReactionGroup = { emoji: change.emoji, count: change.count, reactors: change.reactors, mine };
  return held ? reactions.map((group) => (group === held ? next : group)) : [...reactions, next];
}

/** What the member's toggle will most likely make of the emoji's summary, shown until the server answers. */
export function guessToggle(
  reactions: readonly ReactionGroup[],
  emoji: string,
  on: boolean,
  viewer: Reactor,
  names: number,
): ReactionChange {
  const held = reactions.find((group) => group.emoji === emoji);
  const count = held?.count ?? 0;
  const reactors = (held?.reactors ?? []).filter((r) => r.username !== viewer.username);
  if (!on) return { emoji, count: held?.mine ? count - 1 : count, reactors, mine: false };
  return {
    emoji,
    count: held?.mine ? count : count + 1,
    reactors: reactors.length < names ? [...reactors, viewer] : reactors,
    mine: true,
  };
}

/**
 * A page's reactions (counts, no names) with the names held for a kind whose count has not changed since, so that a
 * catch-up does not send the next tooltip back to the server.
 */
export function keepNames(incoming: readonly ReactionGroup[], held: readonly ReactionGroup[] | undefined) {
  if (!held?.length) return incoming as ReactionGroup[];
  return incoming.map((group) => {
    const before = held.find((h) => h.emoji === group.emoji);
    return group.reactors.length === 0 && before && before.count === group.count
      ? { ...group, reactors: before.reactors }
      : group;
  });
}

function sameGroup(a: ReactionGroup, b: ReactionGroup): boolean {
  return (
    a.emoji === b.emoji &&
    a.count === b.count &&
    (a.mine ?? false) === (b.mine ?? false) &&
    a.reactors.length === b.reactors.length &&
    a.reactors.every((r, i) => r.username === b.reactors[i]?.username && r.name === b.reactors[i]?.name)
  );
}

export function sameReactions(a: ChatMessage["reactions"], b: ChatMessage["reactions"]): boolean {
  if (a === b) return true;
  if (!a || !b) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  return a.length === b.length && a.every((group, i) => sameGroup(group, b[i]!));
}

/**
 * Whether a change of `emoji` on message `messageId` numbered `version` is newer than every one applied before it
 * (then it is recorded). Two members' changes can reach a page in the opposite order from the one they were made in;
 * the older one, arriving last, would otherwise leave its count on screen.
 */
export function isNewerChange(applied: Map<string, number>, messageId: number, emoji: string, version: number) {
  const key = `${messageId} ${emoji}`;
  const held = applied.get(key);
  if (held !== undefined && held >= version) return false;
  applied.set(key, version);
  return true;
}
