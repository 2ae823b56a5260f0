// Typing indicators over the `client-typing` client event: senders throttle, receivers keep each
// typer for a few seconds after their last event (no "stopped" event: a lost one would leave
// "Alice is typing…" up forever). Pure and browser-safe, so components and unit tests share it.
import { z } from "zod";

export const TYPING_EVENT = "client-typing";

/**
 * A typer sends at most once per this interval while typing: far below the realtime server's
 * client-event limit (REALTIME_LIMITS.maxClientEventsPerSecond; events over it are dropped)...
 */
export const TYPING_THROTTLE_MS = 1_000;
/** ...and disappears this long after their last event: two seconds past the throttle, so a steady
 * typer does not flicker when an event arrives late (a loaded server, a slow phone network). */
export const TYPING_EXPIRY_MS = 3_000;

/** The payload. Any subscriber can send client events, so receivers check it against presence. */
export const typingEventSchema = z.object({
  userId: z.string().min(1).max(64),
  name: z.string().max(200),
});
export type TypingEvent = z.infer<typeof typingEventSchema>;

/** True when a typing event may go out now (never sent before, or the interval has passed). */
export function shouldSendTyping(lastSentAt: number | undefined, now: number, interval = TYPING_THROTTLE_MS): boolean {
  return lastSentAt === undefined || now - lastSentAt >= interval || now < lastSentAt;
}

/**
 * Trusts the server-stamped `metadata.user_id` (unforgeable); the payload's userId is a fallback that must agree. The
 * sender must be a presence member, and their name comes from presence (our channel auth), never the payload.
 */
export function resolveTyper({
  data,
  metadata,
  memberName,
}: {
  data: unknown;
  metadata: unknown;
  /** The presence member's name, or null when that id is not in the channel now. */
  memberName: (userId: string) => string | null;
}): { userId: string; name: string } | null {
  const payload = typingEventSchema.safeParse(data);
  if (!payload.success) return null;
  const stamped = z.object({ user_id: z.string().min(1).max(64) }).safeParse(metadata);
  const userId = stamped.success ? stamped.data.user_id : payload.data.userId;
  if (userId !== payload.data.userId) return null;
  const name = memberName(userId);
  return name === null ? null : { userId, name };
}

/** Who is typing: user id → name and when they stop counting. Insertion order = who started first. */
export type Typers = ReadonlyMap<string, { name: string; until: number }>;

export const NO_TYPERS: Typers = new Map();

export function recordTyper(
  typers: Typers,
  { userId, name }: { userId: string; name: string },
  now: number,
  expiry = TYPING_EXPIRY_MS,
): Typers {
  const next = new Map(typers);
  // Map.set on an existing key keeps its place, so names do not swap while both keep typing.
  next.set(userId, { name, until: now + expiry });
  return next;
}

/** The same object when there was nothing to drop, so React skips the render. */
export function dropTyper(typers: Typers, userId: string): Typers {
  if (!typers.has(userId)) return typers;
  const next = new Map(typers);
  next.delete(userId);
  return next;
}

/** Without those whose time is up; the same object when nobody expired. */
export function pruneTypers(typers: Typers, now: number): Typers {
  let next: Map<string, { name: string; until: number }> | null = null;
  for (const [id, typer] of typers) {
    if (typer.until > now) continue;
    next ??= new Map(typers);
    next.delete(id);
  }
  return next ?? typers;
}

/** Milliseconds until the next typer expires, or null when nobody is typing. */
export function nextExpiryIn(typers: Typers, now: number): number | null {
  let soonest: number | null = null;
  for (const { until } of typers.values()) soonest = soonest === null ? until : Math.min(soonest, until);
  return soonest === null ? null : Math.max(0, soonest - now);
}

/** The names to show, in the order they started typing, never the viewer's own. */
export function typingNames(typers: Typers, viewerId: string | null): string[] {
  return [...typers].filter(([id]) => id !== viewerId).map(([, typer]) => typer.name);
}

/** "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…", or "". */
export function typingLabel(names: readonly string[]): string {
  const [first, second] = names;
  if (first === undefined) return "";
  if (second === undefined) return `${first} is typing…`;
  if (names.length === 2) return `${first} and ${second} are typing…`;
  return "Several people are typing…";
}
