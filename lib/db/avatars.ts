// Uploaded avatars, stored in PostgreSQL (one row per user) so that every app instance serves
// the same picture. URLs carry the row's updatedAt (avatarUrlOf), so a new upload is a new URL.
import "server-only";
import { db } from "./client";

export interface StoredAvatar {
  mimeType: string;
  data: Uint8Array;
  updatedAt: Date;
}

export async function findAvatar({ userId }: { userId: string }): Promise<StoredAvatar | null> {
  return db.avatar.findUnique({ where: { userId }, select: { mimeType: true, data: true, updatedAt: true } });
}

/** Stores (or replaces) the avatar; returns the version that goes into its URL. */
export async function upsertAvatar({
  userId,
  mimeType,
  data,
}: {
  userId: string;
  mimeType: string;
  data: Uint8Array;
}): Promise<{ updatedAt: Date }> {
  // Prisma wants a Uint8Array backed by a plain ArrayBuffer; a Buffer from a pool may not be.
  const bytes = new Uint8Array(data);
  return db.avatar.upsert({
    where: { userId },
    create: { userId, mimeType, data: bytes },
    update: { mimeType, data: bytes },
    select: { updatedAt: true },
  });
}

/** Removes the upload, if any; the member falls back to their provider picture or initials. */
export async function deleteAvatar({ userId }: { userId: string }): Promise<boolean> {
  const { count } = await db.avatar.deleteMany({ where: { userId } });
  return count > 0;
}
