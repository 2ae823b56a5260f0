// Profile queries: the public profile (/u/<username>) with the rooms a member hosts and what
// they wrote lately, and the member's own settings (profile fields, pending email change).
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

export interface ProfileRoom {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: { name: string; slug: string };
  lastActivityAt: Date;
}

export interface ProfileMessage {
  id: number;
  body: string;
  createdAt: Date;
  room: { slug: string; name: string };
}

export interface Profile extends UserSummary {
  bio: string;
  role: "MEMBER" | "MODERATOR" | "ADMIN";
  createdAt: Date;
  deactivated: boolean;
  hostedRooms: ProfileRoom[];
  hostedRoomCount: number;
  messageCount: number;
  recentMessages: ProfileMessage[];
}

const profileSelect = (hostedTake: number, messagesTake: number) =>
  ({
    ...userSummarySelect,
    bio: true,
    role: true,
    createdAt: true,
    deactivatedAt: true,
    hostedRooms: {
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: hostedTake,
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        lastActivityAt: true,
        topic: { select: { name: true, slug: true } },
      },
    },
    messages: {
      where: { deletedAt: null },
      orderBy: { id: "desc" },
      take: messagesTake,
      select: { id: true, body: true, createdAt: true, room: { select: { slug: true, name: true } } },
    },
    _count: { select: { hostedRooms: true, messages: { where: { deletedAt: null } } } },
  }) satisfies Prisma.UserSelect;

/** A member's public profile by username (any case), or null. */
export async function findProfileByUsername({
  username,
  hostedTake = 12,
  messagesTake = 10,
}: {
  username: string;
  hostedTake?: number;
  messagesTake?: number;
}): Promise<Profile | null> {
  const row = await db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: profileSelect(hostedTake, messagesTake),
  });
  if (!row) return null;
  return {
    ...toUserSummary(row),
    bio: row.bio,
    role: row.role,
    createdAt: row.createdAt,
    deactivated: row.deactivatedAt !== null,
    hostedRooms: row.hostedRooms,
    hostedRoomCount: row._count.hostedRooms,
    messageCount: row._count.messages,
    recentMessages: row.messages,
  };
}

export interface AccountSettings extends UserSummary {
  email: string;
  emailVerified: boolean;
  bio: string;
  /** An uploaded avatar (removable), as opposed to a provider picture or initials. */
  hasUploadedAvatar: boolean;
  hasPassword: boolean;
  /** A new address waiting for its confirmation link to be used. */
  pendingEmail: { email: string; sentAt: Date; expiresAt: Date } | null;
}

/** What the settings page shows about the member. */
export async function findAccountSettings(userId: string, now = new Date()): Promise<AccountSettings | null> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...userSummarySelect,
      email: true,
      emailVerifiedAt: true,
      bio: true,
      passwordHash: true,
      tokens: {
        where: { kind: "EMAIL_VERIFICATION", usedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { email: true, createdAt: true, expiresAt: true },
      },
    },
  });
  if (!row) return null;
  const token = row.tokens[0];
  // A live link for the current address is the sign-up verification, not a change.
  const pendingEmail =
    token?.email && token.email !== row.email
      ? { email: token.email, sentAt: token.createdAt, expiresAt: token.expiresAt }
      : null;
  return {
    ...toUserSummary(row),
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    bio: row.bio,
    hasUploadedAvatar: row.avatar !== null,
    hasPassword: row.passwordHash !== null,
    pendingEmail,
  };
}

/** Saves name, username and bio. A taken username surfaces as Prisma's P2002 (see isUniqueViolation). */
export async function updateProfile({
  userId,
  name,
  username,
  bio,
}: {
  userId: string;
  name: string;
  username: string;
  bio: string;
}) {
  return db.user.update({
    where: { id: userId },
    data: { name, username: username.toLowerCase(), bio },
    select: { username: true },
  });
}
