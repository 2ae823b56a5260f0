// zod schemas for the admin area: every admin action's input (forms post strings, so numbers
// are coerced) and the list pages' URL parameters (bad values fall back instead of failing).
import { z } from "zod";
import { USERNAME_PATTERN } from "./account";
import { MAX_MESSAGE_ID, messageIdSchema } from "./messages";
import {
  ROOM_DESCRIPTION_MAX,
  ROOM_NAME_MAX,
  ROOM_NAME_MIN,
  ROOM_SLUG_MAX,
  ROOM_SLUG_PATTERN,
  TOPIC_NAME_MAX,
} from "./rooms";
import { cutText, lenientQueryParam, text } from "./text";

/** Ids are cuids (and e2e's hex ids): letters and digits only. */
export const entityIdSchema = text({ message: "Which one?" })
  .trim()
  .regex(/^[A-Za-z0-9]{8,40}$/, "That is not a valid id.");

/** The address a moderator types for a room. */
export const roomSlugSchema = text()
  .trim()
  .toLowerCase()
  .max(ROOM_SLUG_MAX, `Addresses have at most ${ROOM_SLUG_MAX} characters.`)
  .regex(ROOM_SLUG_PATTERN, "Use lower-case letters, digits and single dashes (e.g. python-help).");

export const usernameRefSchema = text({ message: "Enter a username." })
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^@/, ""))
  .pipe(text().min(1, "Enter a username.").regex(USERNAME_PATTERN, "That is not a username."));

const oneLine = (v: string) => v.replace(/\s+/g, " ").trim();

const roomNameSchema = text({ message: "Give the room a name." })
  .transform(oneLine)
  .pipe(
    text()
      .min(ROOM_NAME_MIN, `Room names have at least ${ROOM_NAME_MIN} characters.`)
      .max(ROOM_NAME_MAX, `Room names have at most ${ROOM_NAME_MAX} characters.`),
  );

export const topicNameSchema = text({ message: "Enter a topic name." })
  .transform(oneLine)
  .pipe(
    text()
      .min(2, "Topics have at least 2 characters.")
      .max(TOPIC_NAME_MAX, `Topics have at most ${TOPIC_NAME_MAX} characters.`),
  );

const descriptionSchema = text()
  .transform((v) => v.replace(/\r\n/g, "\n").trim())
  .pipe(
    text().max(
      ROOM_DESCRIPTION_MAX,
      `Descriptions have at most ${ROOM_DESCRIPTION_MAX.toLocaleString("en-US")} characters.`,
    ),
  )
  .default("");

/** An empty slug field means "make one from the name". */
const optionalSlugSchema = text()
  .optional()
  .transform((v) => v?.trim() || undefined)
  .pipe(roomSlugSchema.optional());

export const adminRoomCreateSchema = z.object({
  name: roomNameSchema,
  slug: optionalSlugSchema,
  topic: topicNameSchema,
  description: descriptionSchema,
  /** Empty: the moderator creating it hosts it. */
  host: text()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(usernameRefSchema.optional()),
});
export type AdminRoomCreateInput = z.infer<typeof adminRoomCreateSchema>;

export const adminRoomUpdateSchema = z.object({
  id: entityIdSchema,
  name: roomNameSchema,
  slug: roomSlugSchema,
  topic: topicNameSchema,
  description: descriptionSchema,
});

export const slugPreviewSchema = z.object({
  name: text()
    .max(ROOM_NAME_MAX * 4)
    .default(""),
  slug: text()
    .max(ROOM_SLUG_MAX * 2)
    .optional(),
  /** The room being edited: its own slug is not a collision. */
  roomId: entityIdSchema.optional(),
});

export const idSchema = z.object({ id: entityIdSchema });

export const REASON_MAX = 200;
const reasonSchema = text()
  .transform(oneLine)
  .pipe(text().max(REASON_MAX, `Keep it under ${REASON_MAX} characters.`))
  .default("");

export const roomLockSchema = z.object({ id: entityIdSchema, reason: reasonSchema });

export const reassignHostSchema = z.object({ id: entityIdSchema, username: usernameRefSchema });

/** The mute lengths offered in the room (minutes); the action accepts any length up to 30 days. */
export const MUTE_CHOICES = [
  { minutes: 15, label: "15 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 24 * 60, label: "1 day" },
  { minutes: 7 * 24 * 60, label: "1 week" },
] as const;
export const MUTE_MAX_MINUTES = 30 * 24 * 60;

const roomMemberShape = {
  roomSlug: text().trim().toLowerCase().regex(ROOM_SLUG_PATTERN, "That is not a room address.").max(ROOM_SLUG_MAX),
  userId: entityIdSchema,
};

export const roomMemberSchema = z.object(roomMemberShape);

export const muteSchema = z.object({
  ...roomMemberShape,
  minutes: z.coerce
    .number({ message: "Choose how long." })
    .int("Choose how long.")
    .min(1, "Choose how long.")
    .max(MUTE_MAX_MINUTES, "Mutes last at most 30 days; ban the member instead."),
  reason: reasonSchema,
});

export const banSchema = z.object({ ...roomMemberShape, reason: reasonSchema });

export const topicCreateSchema = z.object({ name: topicNameSchema });
export const topicRenameSchema = z.object({ id: entityIdSchema, name: topicNameSchema });
/** `into` names the topic to merge into: its id, or its name as typed (any case). */
export const topicMergeSchema = z
  .object({
    id: entityIdSchema,
    into: text({ message: "Name the topic to merge into." })
      .transform(oneLine)
      .pipe(
        text()
          .min(1, "Name the topic to merge into.")
          .max(TOPIC_NAME_MAX + 10, "There is no topic with that name."),
      ),
  })
  .refine((v) => v.id !== v.into, {
    path: ["into"],
    message: "A topic cannot be merged into itself. Pick another topic.",
  });

export const ROLES = ["MEMBER", "MODERATOR", "ADMIN"] as const;
export const setRoleSchema = z.object({ id: entityIdSchema, role: z.enum(ROLES, { message: "Pick a role." }) });

export const deleteMessageSchema = z.object({ id: messageIdSchema });
export const deleteAllMessagesSchema = z.object({
  userId: entityIdSchema,
  /** Only in this room, when given (clean-up after a raid on one room). */
  roomId: entityIdSchema.optional().or(z.literal("").transform(() => undefined)),
});

export const NOTE_MAX = 500;
export const supportCloseSchema = z.object({
  id: entityIdSchema,
  note: text()
    .transform((v) => v.replace(/\r\n/g, "\n").trim())
    .pipe(
      text().min(1, "Write a short note: what was done?").max(NOTE_MAX, `Notes have at most ${NOTE_MAX} characters.`),
    ),
});

// ---------------------------------------------------------------------------------------------
// URL parameters of the list pages. Anything malformed (unstorable text too) falls back to the default.

const single = lenientQueryParam;
const param = (max: number) => single.transform((v) => cutText((v ?? "").trim(), max));
const page = single.transform((v) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
});
const enumOr = <T extends string>(values: readonly T[], fallback: T) =>
  single.transform((v) => ((values as readonly string[]).includes(v ?? "") ? (v as T) : fallback));
// Message and audit-log ids alike are PostgreSQL integers.
const cursor = single.transform((v) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n <= MAX_MESSAGE_ID ? n : undefined;
});

export const ADMIN_ROOM_SORTS = ["name", "created", "active", "participants"] as const;
export type AdminRoomSort = (typeof ADMIN_ROOM_SORTS)[number];

export const adminRoomListSchema = z.object({
  q: param(200),
  sort: enumOr(ADMIN_ROOM_SORTS, "created"),
  dir: enumOr(["asc", "desc"] as const, "desc"),
  page,
  status: enumOr(["all", "locked"] as const, "all"),
});
export type AdminRoomList = z.infer<typeof adminRoomListSchema>;

export const adminMemberListSchema = z.object({
  q: param(200),
  role: enumOr(["all", ...ROLES] as const, "all"),
  status: enumOr(["all", "active", "deactivated", "unverified"] as const, "all"),
  page,
});
export type AdminMemberList = z.infer<typeof adminMemberListSchema>;

export const adminMessageListSchema = z.object({
  room: param(ROOM_SLUG_MAX).transform((v) => v.toLowerCase()),
  member: param(40).transform((v) => v.replace(/^@/, "").toLowerCase()),
  q: param(200),
  before: cursor,
  after: cursor,
});
export type AdminMessageList = z.infer<typeof adminMessageListSchema>;

export const adminSupportListSchema = z.object({ status: enumOr(["OPEN", "HANDLED", "ALL"] as const, "OPEN"), page });

export const adminAuditListSchema = z.object({ q: param(200), action: param(60), before: cursor, after: cursor });

export const adminTopicListSchema = z.object({ q: param(TOPIC_NAME_MAX) });
