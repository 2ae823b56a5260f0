// Avatar processing: checks an upload's size and its real format (read by sharp from the bytes,
// never the declared MIME type), then makes the 256×256 WebP square that the Avatar table keeps;
// and who may remove one (the member, or a moderator within mayActOn). Uploads are rate-limited per member.
import "server-only";
import sharp from "sharp";
import { assertMayActOn } from "./admin/access";
import { enforce } from "./auth/rate-limit";
import { deleteAvatar, upsertAvatar } from "./db/avatars";
import { findMemberTarget } from "./db/member-status";
import type { SessionUser } from "./db/users";
import { AppError, forbidden } from "./errors";
import { AVATAR_MAX_BYTES, AVATAR_SIZE } from "./validation/profile";

export const AVATAR_FORMATS = ["png", "jpeg", "webp"] as const;
export type AvatarFormat = (typeof AVATAR_FORMATS)[number];

/** Decompression bombs: a 2 MB PNG can claim billions of pixels; 50 MP covers any real photo. */
const MAX_INPUT_PIXELS = 50_000_000;

export interface ProcessedAvatar {
  data: Buffer;
  mimeType: "image/webp";
  /** What the upload really was. */
  sourceFormat: AvatarFormat;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const avatarTooLarge = (bytes?: number) =>
  new AppError(
    "too_large:avatar",
    `Images can be at most ${megabytes(AVATAR_MAX_BYTES).replace(".0", "")}${bytes ? `; this one is ${megabytes(bytes)}` : ""}. Try a smaller picture.`,
    413,
    { avatar: "This file is too large." },
  );

const unsupported = (what: string) =>
  new AppError("unsupported:avatar", `${what} Upload a PNG, JPEG or WebP image.`, 415, { avatar: "Unsupported file." });

const unreadable = () =>
  new AppError("invalid:avatar", "We could not read this image; it may be damaged. Try another file.", 422, {
    avatar: "Unreadable image.",
  });

const tooManyPixels = () =>
  new AppError(
    "invalid:avatar",
    `This picture is too big to process (over ${MAX_INPUT_PIXELS / 1_000_000} megapixels). Try a smaller one.`,
    422,
    {
      avatar: "Too many pixels.",
    },
  );

function isAvatarFormat(format: string): format is AvatarFormat {
  return (AVATAR_FORMATS as readonly string[]).includes(format);
}

/** The real format of `input`, or an error naming what is wrong with it. */
export async function sniffAvatarFormat(input: Uint8Array): Promise<AvatarFormat> {
  if (input.byteLength === 0)
    throw new AppError("invalid:avatar", "That file is empty. Choose an image.", 400, { avatar: "Empty file." });
  if (input.byteLength > AVATAR_MAX_BYTES) throw avatarTooLarge(input.byteLength);
  let format: string;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels();
    throw unsupported("This file is not an image we can use.");
  }
  if (!isAvatarFormat(format)) throw unsupported(`This is a ${format.toUpperCase()} file.`);
  return format;
}

/** Size and format checks, then a centred 256×256 crop (cover), rotated upright, as WebP without metadata. */
export async function processAvatar(input: Uint8Array): Promise<ProcessedAvatar> {
  const sourceFormat = await sniffAvatarFormat(input);
  try {
    const data = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", autoOrient: true })
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "centre" })
      .webp({ quality: 82, effort: 4 })
      .toBuffer();
    return { data, mimeType: "image/webp", sourceFormat };
  } catch {
    throw unreadable();
  }
}

/**
 * Removes `userId`'s uploaded avatar for `actor`: their own, or as a moderator a member's (only admins
 * remove a moderator's or an admin's). Already gone is fine: a double click changes nothing.
 */
export async function deleteAvatarAs(actor: Pick<SessionUser, "id" | "role">, userId: string): Promise<void> {
  if (userId !== actor.id) {
    if (actor.role === "MEMBER") throw forbidden("avatar", "You can only remove your own avatar.");
    const owner = await findMemberTarget({ id: userId });
    if (owner) assertMayActOn(actor, owner, "remove the avatar of");
  }
  await deleteAvatar({ userId });
}

/**
 * `user` replaces their own avatar with the image `read` yields; its URL, versioned. The limit is counted before the
 * body is read, so a refused upload costs neither the read nor sharp's work.
 */
export async function uploadAvatarAs(
  user: Pick<SessionUser, "id">,
  userId: string,
  read: () => Promise<Uint8Array>,
): Promise<{ avatarUrl: string }> {
  if (userId !== user.id) throw forbidden("avatar", "You can only change your own avatar.");
  await enforce("avatarUpload", user.id, "You have changed your avatar many times in the last hour.");
  const processed = await processAvatar(await read());
  const { updatedAt } = await upsertAvatar({ userId: user.id, mimeType: processed.mimeType, data: processed.data });
  return { avatarUrl: `/api/avatars/${user.id}?v=${updatedAt.getTime()}` };
}
