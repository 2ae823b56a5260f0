// The words of a reaction's tooltip and its chip's accessible name, kept pure so that the odd cases (the viewer
// beyond the first REACTOR_NAMES, a live event without `mine`) are unit-tested rather than found in a browser.
import type { ReactionGroup } from "@/lib/chat/message-payload";

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Who reacted, as a sentence's subject: "You, Ada Lovelace and 3 others". The viewer comes first as "You", also when
 * `mine` says they reacted but the server's list (the earliest REACTOR_NAMES) stops before them.
 */
export function reactorNames(group: ReactionGroup, viewerUsername?: string | null): string {
  const isViewer = (username: string) => viewerUsername != null && username === viewerUsername;
  const listed = group.reactors.some((reactor) => isViewer(reactor.username));
  const names = group.reactors.filter((reactor) => !isViewer(reactor.username)).map((reactor) => reactor.name);
  if (listed || group.mine) names.unshift("You");
  // The viewer counted in `count` but missing from the list is the "You" added above, not one of the others.
  const others = Math.max(0, group.count - group.reactors.length - (group.mine && !listed ? 1 : 0));
  if (names.length === 0) return `${others} ${others === 1 ? "person" : "people"}`;
  if (others === 0) return joinNames(names);
  return `${names.join(", ")} and ${others} ${others === 1 ? "other" : "others"}`;
}

/** The tooltip: "You, Ada Lovelace and 3 others reacted with 👍️". */
export const reactedWith = (group: ReactionGroup, viewerUsername?: string | null): string =>
  `${reactorNames(group, viewerUsername)} reacted with ${group.emoji}`;

/**
 * A chip's accessible name, complete without the tooltip: "👍️ 3 reactions. You, Ada and Grace reacted. Press to
 * remove yours." `interactive` is false for readers who may not react (no "Press to …").
 */
export function reactionChipLabel(
  group: ReactionGroup,
  viewerUsername: string | null | undefined,
  interactive: boolean,
) {
  const count = `${group.count} ${group.count === 1 ? "reaction" : "reactions"}`;
  const action = interactive ? (group.mine ? " Press to remove yours." : " Press to add yours.") : "";
  return `${group.emoji} ${count}. ${reactorNames(group, viewerUsername)} reacted.${action}`;
}

/** What the live region says after the viewer's own toggle. */
export const toggleAnnouncement = (emoji: string, on: boolean): string =>
  on ? `You reacted with ${emoji}` : `You removed your ${emoji} reaction`;
