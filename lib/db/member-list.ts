// The members table moderators search, and one member's page (rooms, messages, sign-in
// providers, restrictions). The writes on a member live in lib/db/member-status.ts.
import "server-only";
import { db } from "./client";
import type { Prisma, Role } from "./generated/prisma/client";
import { inForce, listedRestrictionSelect, type ListedRestriction } from "./restrictions";
import { loadPage, TABLE_PAGE_SIZE, type Paged } from "./paging";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

export interface AdminMemberRow extends UserSummary {
  email: string;
  role: Role;
  emailVerified: boolean;
  deactivated: boolean;
  createdAt: Date;
}

const memberSelect = {
  ...userSummarySelect,
  email: true,
  role: true,
  emailVerifiedAt: true,
  deactivatedAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

type MemberRow = Prisma.UserGetPayload<{ select: typeof memberSelect }>;

function toRow(row: MemberRow): AdminMemberRow {
  return {
    ...toUserSummary(row),
    email: row.email,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    deactivated: row.deactivatedAt !== null,
    createdAt: row.createdAt,
  };
}

export interface AdminMemberListInput {
  q?: string;
  role?: "all" | Role;
  status?: "all" | "active" | "deactivated" | "unverified";
  page?: number;
  pageSize?: number;
}

/** Members matching a name, username or email substring, newest first. */
export async function searchMembers({
  q,
  role = "all",
  status = "all",
  page = 1,
  pageSize = TABLE_PAGE_SIZE,
}: AdminMemberListInput = {}): Promise<Paged<AdminMemberRow>> {
  const text = q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(role !== "all" ? { role } : {}),
    ...(status === "active"
      ? { deactivatedAt: null }
      : status === "deactivated"
        ? { deactivatedAt: { not: null } }
        : status === "unverified"
          ? { emailVerifiedAt: null }
          : {}),
    ...(text
      ? {
          OR: [
            { name: { contains: text, mode: "insensitive" } },
            { username: { contains: text.replace(/^@/, "").toLowerCase() } },
            { email: { contains: text.toLowerCase() } },
          ],
        }
      : {}),
  };
  return loadPage({
    page,
    pageSize,
    count: () => db.user.count({ where }),
    read: async (window) =>
      (
        await db.user.findMany({
          where,
          select: memberSelect,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...window,
        })
      ).map(toRow),
  });
}

export async function countMembers(): Promise<number> {
  return db.user.count({ where: { deactivatedAt: null } });
}

export interface AdminMemberDetail extends AdminMemberRow {
  bio: string;
  /** "password" plus each linked OAuth provider. */
  providers: string[];
  hostedRooms: Array<{ id: string; slug: string; name: string }>;
  joinedRooms: Array<{ id: string; slug: string; name: string }>;
  joinedRoomCount: number;
  messageCount: number;
  recentMessages: Array<{
    id: number;
    body: string;
    createdAt: Date;
    room: { id: string; slug: string; name: string };
  }>;
  restrictions: Array<ListedRestriction & { room: { id: string; slug: string; name: string } }>;
}

export async function findAdminMember(username: string, now = new Date()): Promise<AdminMemberDetail | null> {
  const row = await db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: {
      ...memberSelect,
      bio: true,
      passwordHash: true,
      accounts: { select: { provider: true }, orderBy: { provider: "asc" } },
      hostedRooms: { select: { id: true, slug: true, name: true }, orderBy: { name: "asc" }, take: 50 },
      participations: {
        select: { room: { select: { id: true, slug: true, name: true } } },
        orderBy: { joinedAt: "desc" },
        take: 50,
      },
      messages: {
        where: { deletedAt: null },
        orderBy: { id: "desc" },
        take: 20,
        select: { id: true, body: true, createdAt: true, room: { select: { id: true, slug: true, name: true } } },
      },
      restrictions: {
        where: inForce(now),
        select: { ...listedRestrictionSelect, room: { select: { id: true, slug: true, name: true } } },
      },
      _count: { select: { participations: true, messages: { where: { deletedAt: null } } } },
    },
  });
  if (!row) return null;
  return {
    ...toRow(row),
    bio: row.bio,
    providers: [...(row.passwordHash ? ["password"] : []), ...row.accounts.map((a) => a.provider)],
    hostedRooms: row.hostedRooms,
    joinedRooms: row.participations.map((p) => p.room),
    joinedRoomCount: row._count.participations,
    messageCount: row._count.messages,
    recentMessages: row.messages,
    restrictions: row.restrictions,
  };
}
