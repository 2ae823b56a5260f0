// Room slugs against what is stored: which are taken near a base, the live preview of a typed
// one, and the field error a taken slug becomes. Slugs themselves are made in lib/rooms/slug.ts.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { isUniqueViolation } from "./unique-violation";
import { baseSlug, firstFreeSlug } from "../rooms/slug";
import { invalid, type AppError } from "../errors";

type Tx = Prisma.TransactionClient;

/** Slugs taken that could collide with `base` (base itself and base-N), minus the room being edited. */
export async function takenSlugs(base: string, exceptRoomId?: string, tx: Tx | typeof db = db): Promise<string[]> {
  const rows = await tx.room.findMany({
    where: {
      OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }],
      ...(exceptRoomId ? { NOT: { id: exceptRoomId } } : {}),
    },
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

/** The room (id, name, slug) using this slug, if any. */
export async function findRoomNameBySlug({ slug }: { slug: string }) {
  return db.room.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

export interface SlugPreview {
  /** The slug asked about: the one typed, or the name's base slug. */
  slug: string;
  /** The room already using it, if any. */
  takenBy: { id: string; name: string } | null;
  /** The first free slug from the same base (equal to `slug` when it is free). */
  free: string;
}

/** For the live preview: is this slug (or the name's slug) free, and if not, what is? */
export async function previewRoomSlug({
  name,
  slug,
  roomId,
}: {
  name: string;
  slug?: string;
  roomId?: string;
}): Promise<SlugPreview> {
  const wanted = slug?.trim() ? slug.trim().toLowerCase() : baseSlug(name);
  const owner = await db.room.findUnique({ where: { slug: wanted }, select: { id: true, name: true } });
  const takenBy = owner && owner.id !== roomId ? owner : null;
  const free = takenBy ? firstFreeSlug(wanted, await takenSlugs(wanted, roomId)) : wanted;
  return { slug: wanted, takenBy, free };
}

/** Whether a write failed on the unique index of Room.slug. */
export const isSlugViolation = (error: unknown) => isUniqueViolation(error, "slug");

/** The field error for a slug another room holds, naming that room when it still exists. */
export async function slugTakenError(slug: string): Promise<AppError> {
  const owner = await findRoomNameBySlug({ slug });
  return invalid({
    slug: owner
      ? `This address is already used by “${owner.name}”. Pick another one.`
      : "This address is already taken. Pick another one.",
  });
}
