// Rate limits, counted in PostgreSQL (lib/db/rate-limits.ts: one upsert per hit) so that every app instance shares
// them. Each limit names what it protects; callers get a typed 429 error. (rate-limiter-flexible's Prisma store did
// the same in a transaction of several Prisma queries; its rows keep working.)
import "server-only";
import {
  consumeRateCounter,
  deleteRateCounter,
  findRateCounter,
  hitRateCounter,
  refundRateCounter,
  type RateCounter,
} from "../db/rate-limits";
import { rateLimited } from "../errors";

interface LimitSpec {
  points: number;
  durationSeconds: number;
}

export const LIMITS = {
  /** ASVS 2.2.1: at most 10 failed sign-ins per account per 15 minutes. */
  signInAccount: { points: 10, durationSeconds: 15 * 60 },
  signInIp: { points: 50, durationSeconds: 15 * 60 },
  register: { points: 10, durationSeconds: 60 * 60 },
  /** Verification mails per member; past this the request goes to the admins instead. */
  verificationMail: { points: 3, durationSeconds: 60 * 60 },
  verificationMailIp: { points: 20, durationSeconds: 60 * 60 },
  passwordResetEmail: { points: 3, durationSeconds: 60 * 60 },
  passwordResetIp: { points: 20, durationSeconds: 60 * 60 },
  /** Undo-email-change submissions per IP: the links are unguessable; this stops scripts. */
  emailChangeUndoIp: { points: 10, durationSeconds: 60 * 60 },
  /** Unsubscribe links used, per IP: mail providers post one-click unsubscribes for many members from few servers. */
  unsubscribeIp: { points: 120, durationSeconds: 60 },
  /** Channel authorizations asked for without a session (readers need none: room channels are public). */
  channelAuthIp: { points: 30, durationSeconds: 60 },
  /** Realtime sign-ins of visitors' connections, one per page load: generous, as many readers may share a NAT. */
  realtimeSignInIp: { points: 300, durationSeconds: 60 },
  /** Chat messages per member per room (lib/chat/messages.ts). */
  messagePost: { points: 10, durationSeconds: 10 },
  /** Chat messages per member across all rooms: one member spreading a flood over many rooms (same statement). */
  messagePostMember: { points: 60, durationSeconds: 60 },
  // The rest are far above what a person does by hand; they stop scripts, not people.
  messageEdit: { points: 30, durationSeconds: 60 },
  /** Deletes by members (authors, hosts); moderators' deletes are audited instead. */
  messageDelete: { points: 30, durationSeconds: 60 },
  avatarUpload: { points: 10, durationSeconds: 60 * 60 },
  /** Rooms opened by a member (the admin area's are staff's and audited). */
  roomCreate: { points: 10, durationSeconds: 60 * 60 },
  /** Slow-mode changes per member (hosts and staff alike): each one is announced to every open page of the room. */
  roomSlowMode: { points: 20, durationSeconds: 60 },
  /** Study-log settings per member: hiding their log, and a room's weekly board (hosts and staff). */
  studySettings: { points: 20, durationSeconds: 60 },
  /** Pins and unpins per member (hosts and staff alike): each one is announced to every open page of the room. */
  messagePin: { points: 30, durationSeconds: 60 },
  /** Questions marked, unmarked, accepted and unaccepted per member: each one is announced to the room's open pages. */
  questionChange: { points: 30, durationSeconds: 60 },
  /** Focus sessions started and stopped, per member: each one is announced to every open page of the room. */
  focusStart: { points: 10, durationSeconds: 60 },
  /** Focus joins, leaves, goal and preference changes, per member: each one is announced to the room's open pages. */
  focusChange: { points: 60, durationSeconds: 60 },
  /** Reactions added and taken back, per member: each one is announced to every open page of the room. */
  messageReact: { points: 60, durationSeconds: 60 },
  /** Reports of messages, per member: each one lands in the moderators' queue (lib/moderation/reports.ts). */
  messageReport: { points: 10, durationSeconds: 60 },
  /** Joins and leaves together, per member: each changes a room's participant count. */
  roomMembership: { points: 60, durationSeconds: 60 },
  /** Room searches (a `q`), per member when signed in, else per IP. */
  searchMember: { points: 60, durationSeconds: 60 },
  searchIp: { points: 60, durationSeconds: 60 },
  /** Message searches (a full-text query over every message), per member when signed in, else per IP. */
  messageSearchMember: { points: 30, durationSeconds: 60 },
  messageSearchIp: { points: 30, durationSeconds: 60 },
} satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;

/** The counter's row key, as rate-limiter-flexible named it (rows it wrote stay valid). */
export const limitKey = (name: LimitName, key: string) => `${name}:${key}`;

export interface LimitState {
  allowed: boolean;
  /** Seconds until the window frees a point. */
  retryAfterSeconds: number;
}

/** What a counter means for limit `name`: over it once past its points. */
export function limitState(name: LimitName, counter: RateCounter | null): LimitState {
  if (!counter || counter.points <= LIMITS[name].points) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.ceil(counter.msLeft / 1000) };
}

/** Counts one hit against `key`; says whether it was within the limit. */
export async function hit(name: LimitName, key: string): Promise<LimitState> {
  return limitState(
    name,
    await hitRateCounter({ key: limitKey(name, key), durationSeconds: LIMITS[name].durationSeconds }),
  );
}

/**
 * Takes a point from each limit, in order, before an attempt that the limits guard (a password check): atomically, so
 * a burst of concurrent attempts gets no more than the limit between them. When one is full, the points already taken
 * are given back and nothing is counted. Never check first and count after: concurrent callers all pass the check.
 */
export async function consume(limits: ReadonlyArray<readonly [LimitName, string]>): Promise<LimitState> {
  const taken: Array<readonly [LimitName, string]> = [];
  for (const [name, key] of limits) {
    const { points, durationSeconds } = LIMITS[name];
    if (await consumeRateCounter({ key: limitKey(name, key), points, durationSeconds })) {
      taken.push([name, key]);
      continue;
    }
    await refund(taken);
    const counter = await findRateCounter({ key: limitKey(name, key) });
    // The window may have ended between the two statements: then a second is wait enough.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((counter?.msLeft ?? 0) / 1000)) };
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/** Gives back the points consume() took, for an attempt that does not count (it succeeded, or never ran). */
export async function refund(limits: ReadonlyArray<readonly [LimitName, string]>): Promise<void> {
  await Promise.all(limits.map(([name, key]) => refundRateCounter({ key: limitKey(name, key) })));
}

export async function reset(name: LimitName, key: string): Promise<void> {
  await deleteRateCounter({ key: limitKey(name, key) });
}

/** "try again in 5 minutes" */
export function retryPhrase(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Counts a hit and throws a 429 AppError when over the limit. */
export async function enforce(name: LimitName, key: string, message: string): Promise<void> {
  const state = await hit(name, key);
  if (!state.allowed)
    throw rateLimited(name, state.retryAfterSeconds, `${message} ${retryPhrase(state.retryAfterSeconds)}`);
}
