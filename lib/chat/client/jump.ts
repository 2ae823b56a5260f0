// Jumping to one message of a room: its link (`/rooms/<slug>?m=<id>`, which the room page opens around it), the
// address kept in step after an in-page jump, and the words for a message the room does not hold. Browser-safe.

/** Said when `?m=` or an in-page jump names a message this room does not hold (or not an id at all). */
export const JUMP_NOT_FOUND = "That message could not be found.";

/** Said when the message jumped to was deleted: the conversation opens where it was. */
export const JUMP_DELETED = "That message was deleted.";

/** The query parameter of a message link. */
export const JUMP_PARAM = "m";

/** A jump to scroll to and highlight: `seq` grows with every jump, so jumping to the same message again shows it. */
export interface JumpTarget {
  id: number;
  seq: number;
}

/** The shareable link to message `id` of room `slug`. */
export function messageHref(slug: string, id: number): string {
  return `/rooms/${encodeURIComponent(slug)}?${JUMP_PARAM}=${id}`;
}

/** `href` with `?m=<id>` set, or dropped for null; other parameters and the fragment stay. */
export function withJumpParam(href: string, id: number | null): string {
  const url = new URL(href);
  if (id === null) url.searchParams.delete(JUMP_PARAM);
  else url.searchParams.set(JUMP_PARAM, String(id));
  return url.toString();
}

/** Keeps the address bar on the message shown (no navigation, no history entry: Back leaves the room as before). */
export function replaceJumpParam(id: number | null): void {
  if (typeof window === "undefined") return;
  const next = withJumpParam(window.location.href, id);
  if (next !== window.location.href) window.history.replaceState(window.history.state, "", next);
}
