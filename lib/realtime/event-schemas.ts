// The live-event contract (README, "Realtime") as data: event names and zod schemas of every
// payload the server sends on a room's public channel and on a member's private channel.
// Browser-safe (zod only): lib/realtime/events.ts publishes with these, and the room page parses
// what arrives with the same schemas, since a payload is untrusted until parsed.
import { z } from "zod";
import { messageEventSchema, reactorSchema, type MessageEvent } from "../chat/message-payload";
import { REACTOR_NAMES } from "../reactions/reaction-rules";
import { FOCUS_GOAL_MAX, FOCUS_MEMBERS_LIMIT } from "../validation/focus";
import { PIN_LIMIT } from "../validation/pins";

/** Events on `room-<roomId>` (public: payloads hold only what the room page shows anyone). */
export const ROOM_EVENTS = {
  messageCreated: "message:created",
  messageUpdated: "message:updated",
  messageDeleted: "message:deleted",
  roomUpdated: "room:updated",
  roomDeleted: "room:deleted",
  onlineCount: "room:online",
  pinsUpdated: "pins:updated",
  questionUpdated: "question:updated",
  reactionUpdated: "reaction:updated",
  focusUpdated: "focus:updated",
  focusMember: "focus:member",
} as const;

/** Events on `private-user-<userId>`: meant for one member. */
export const USER_EVENTS = {
  moderationRestricted: "moderation:restricted",
  notificationCreated: "notification:created",
} as const;

/** A new entry in the member's inbox: the bell counts it; the inbox reads the entry itself. */
export const notificationCreatedSchema = z.object({
  kind: z.enum(["mention", "reply", "report", "accepted"]),
  messageId: z.number().int().positive(),
});
export type NotificationCreatedEvent = z.infer<typeof notificationCreatedSchema>;

/** `message:created` / `message:updated`: the whole message, or a reference when it is too large. */
export { messageEventSchema, type MessageEvent };

/** Members online in the room now (the here-channels' count, which has no cap). */
export const onlineCountSchema = z.object({ roomId: z.string(), online: z.number().int().nonnegative() });
export type OnlineCountEvent = z.infer<typeof onlineCountSchema>;

export const roomDeletedSchema = z.object({ roomId: z.string(), slug: z.string() });
export type RoomDeletedEvent = z.infer<typeof roomDeletedSchema>;

/** A soft-deleted message: clients blank it in place (its id keeps its spot in the history). */
export const messageDeletedSchema = z.object({ roomId: z.string(), messageId: z.number().int().positive() });
export type MessageDeletedEvent = z.infer<typeof messageDeletedSchema>;

export const roomUpdatedSchema = z.object({
  roomId: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  topic: z.object({ name: z.string(), slug: z.string() }),
  /**
   * Read-only (lib/admin room.lock / room.unlock). Optional: the host's edit form does not know
   * or change it, and an event without it leaves the room's lock as the client has it.
   */
  locked: z.boolean().optional(),
  /** Slow mode's wait in seconds (0: off), set from the room page; optional like `locked`, for the same reason. */
  slowModeSeconds: z.number().int().nonnegative().optional(),
});
export type RoomUpdatedEvent = z.infer<typeof roomUpdatedSchema>;

/**
 * What holds for the member after a (un)mute or (un)ban, so the room page need not ask; a ban outranks a mute. A room's
 * lock concerns everyone and comes as `room:updated` instead.
 */
export const moderationRestrictedSchema = z.object({
  roomId: z.string(),
  kind: z.enum(["muted", "banned", "none"]),
  /** ISO 8601; null for a ban without end and for "none". */
  until: z.string().nullable(),
  reason: z.string(),
});
export type ModerationRestrictedEvent = z.infer<typeof moderationRestrictedSchema>;

/** A pin as the pins panel shows it; GET /api/rooms/<slug>/pins answers a list of them. */
export const pinViewSchema = z.object({
  messageId: z.number().int().positive(),
  excerpt: z.string(),
  /** Null once the author's account is deleted ("Anonymous User"). */
  author: z.object({ name: z.string(), username: z.string() }).nullable(),
  /** The message's time, ISO 8601. */
  createdAt: z.string(),
  pinnedAt: z.string(),
});
export type PinView = z.infer<typeof pinViewSchema>;

export const pinsListSchema = z.object({ pins: z.array(pinViewSchema).max(PIN_LIMIT) });

/**
 * The room's pins changed: the ids of all of them, newest first (for the count and the markers), and the summary of
 * the one just pinned. Not every summary: 25 excerpts of wide characters could pass the 10 KB limit, and asking every
 * reader to refetch would send a popular room's readers at the server at once; a client missing an id refetches.
 */
export const pinsUpdatedSchema = z.object({
  roomId: z.string(),
  messageIds: z.array(z.number().int().positive()).max(PIN_LIMIT),
  pinned: pinViewSchema.optional(),
});
export type PinsUpdatedEvent = z.infer<typeof pinsUpdatedSchema>;

/** A question as the Questions panel and the badges show it; GET /api/rooms/<slug>/questions lists them. */
export const questionViewSchema = z.object({
  messageId: z.number().int().positive(),
  excerpt: z.string(),
  /** Null once the author's account is deleted ("Anonymous User"). */
  author: z.object({ name: z.string(), username: z.string() }).nullable(),
  /** The question's time, ISO 8601. */
  createdAt: z.string(),
  /** The accepted reply, null while open. */
  acceptedAnswerId: z.number().int().positive().nullable(),
  acceptedAt: z.string().nullable(),
  answerCount: z.number().int().nonnegative(),
});
export type QuestionView = z.infer<typeof questionViewSchema>;

export const questionsListSchema = z.object({
  open: z.array(questionViewSchema),
  answered: z.array(questionViewSchema),
});
export type QuestionsList = z.infer<typeof questionsListSchema>;

/**
 * A message became a question, or its accepted answer changed: the question as it is now; `question` null when it is
 * no longer one (unmarked). One excerpt, so it stays far below the 10 KB limit.
 */
export const questionUpdatedSchema = z.object({
  roomId: z.string(),
  messageId: z.number().int().positive(),
  question: questionViewSchema.nullable(),
});
export type QuestionUpdatedEvent = z.infer<typeof questionUpdatedSchema>;

/**
 * Someone reacted to a message, or took a reaction back: that emoji's count and first reactors afterwards (count 0:
 * nobody holds it now), and who did it with which outcome, so each client knows whether the reaction is its own.
 */
export const reactionUpdatedSchema = z.object({
  roomId: z.string(),
  messageId: z.number().int().positive(),
  emoji: z.string().min(1).max(32),
  count: z.number().int().nonnegative(),
  reactors: z.array(reactorSchema).max(REACTOR_NAMES),
  actorId: z.string(),
  on: z.boolean(),
  /** Changes of one message are numbered in the order they were made: a browser drops one older than it holds. */
  version: z.number().int().nonnegative(),
});
export type ReactionUpdatedEvent = z.infer<typeof reactionUpdatedSchema>;

const focusPersonSchema = z.object({ name: z.string(), username: z.string() });

/**
 * A focus session as every reader sees it: the schedule (times in ms since the epoch, the app's clock), who started
 * and stopped it, how many are in it now. Clients compute phase and countdown from it (lib/focus/schedule.ts).
 */
export const focusSessionViewSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  focusSeconds: z.number().int().positive(),
  breakSeconds: z.number().int().nonnegative(),
  rounds: z.number().int().positive(),
  endedAt: z.number().nullable(),
  startedBy: focusPersonSchema.nullable(),
  stoppedBy: focusPersonSchema.nullable(),
  memberCount: z.number().int().nonnegative(),
});
export type FocusSessionView = z.infer<typeof focusSessionViewSchema>;

/** A member of the session as the people panel shows them (public: name, avatar, goal). */
export const focusMemberViewSchema = z.object({
  user: z.object({ id: z.string(), username: z.string(), name: z.string(), avatarUrl: z.string().nullable() }),
  goal: z.string().max(FOCUS_GOAL_MAX).nullable(),
  joined: z.boolean(),
});
export type FocusMemberView = z.infer<typeof focusMemberViewSchema>;

/**
 * The room's focus session changed: started, moved to its next phase (announced once, by one instance), stopped, or
 * ended on schedule. `serverNow` (ms) lets each client set its clock offset, so every browser shows the same time.
 */
export const focusUpdatedSchema = z.object({
  roomId: z.string(),
  change: z.enum(["started", "phase", "stopped", "ended"]),
  session: focusSessionViewSchema,
  /** The phase just begun (0-based; even: focus), or the last one for stopped/ended. */
  phase: z.number().int().nonnegative(),
  serverNow: z.number(),
});
export type FocusUpdatedEvent = z.infer<typeof focusUpdatedSchema>;

/** One member joined, left or changed their goal. */
export const focusMemberEventSchema = z.object({
  roomId: z.string(),
  sessionId: z.string(),
  member: focusMemberViewSchema,
  memberCount: z.number().int().nonnegative(),
});
export type FocusMemberEvent = z.infer<typeof focusMemberEventSchema>;

/** The caller's own part in the latest session (only in their GET answer, never in an event). */
export const focusSelfSchema = z.object({
  sessionId: z.string(),
  joined: z.boolean(),
  goal: z.string().nullable(),
  goalDone: z.boolean().nullable(),
  holdMessages: z.boolean(),
});
export type FocusSelf = z.infer<typeof focusSelfSchema>;

/** GET /api/rooms/<slug>/focus: the room's latest session (running or not), its joined members, the caller's part. */
export const focusStateSchema = z.object({
  session: focusSessionViewSchema.nullable(),
  members: z.array(focusMemberViewSchema).max(FOCUS_MEMBERS_LIMIT),
  me: focusSelfSchema.nullable(),
  serverNow: z.number(),
  limits: z.object({
    minFocusSeconds: z.number(),
    maxFocusSeconds: z.number(),
    minBreakSeconds: z.number(),
    maxBreakSeconds: z.number(),
    maxRounds: z.number(),
    stepSeconds: z.number(),
  }),
});
export type FocusState = z.infer<typeof focusStateSchema>;
