// zod schemas for profiles and settings: the profile form, email change, password change,
// account deletion, and the route params of /u/<username> and /api/avatars/<userId>.
import { z } from "zod";
import {
  displayNameSchema,
  emailSchema,
  PASSWORD_MAX,
  USERNAME_PATTERN,
  usernameSchema,
  withNewPassword,
} from "./account";
import { text } from "./text";

export const BIO_MAX = 280;

/** Uploads larger than this are refused before anything decodes them. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
/** A multipart upload's framing (boundaries, part headers) around the picture. */
export const AVATAR_MULTIPART_OVERHEAD = 16 * 1024;
/** Side of the stored square avatar, in pixels. */
export const AVATAR_SIZE = 256;
/** What the file picker offers; the server checks the real format, not this. */
export const AVATAR_ACCEPT = "image/png,image/jpeg,image/webp";

export const bioSchema = text()
  .trim()
  // Windows line endings count as one character, as the browser's counter does.
  .transform((v) => v.replace(/\r\n/g, "\n"))
  .pipe(text().max(BIO_MAX, `Bios have at most ${BIO_MAX} characters.`));

export const profileSchema = z.object({
  name: displayNameSchema,
  username: usernameSchema,
  bio: bioSchema.default(""),
});
export type ProfileInput = z.infer<typeof profileSchema>;

// The current password is only bound in length: it may predate the current policy.
export const currentPasswordSchema = text()
  .max(PASSWORD_MAX * 4)
  .default("");

/** The new address, and the current password (required of accounts that have one: lib/auth/recent-proof.ts). */
export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: currentPasswordSchema });

export const changePasswordSchema = withNewPassword(
  { currentPassword: currentPasswordSchema },
  "Repeat your new password.",
);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The password for members who have one, else their username typed out. */
export const deleteAccountSchema = z.object({
  confirmation: text()
    .max(PASSWORD_MAX * 4)
    .default(""),
});

/** A username from a URL: anything else cannot exist, so it is a 404, not an error. */
export const usernameParamSchema = text()
  .transform((v) => v.toLowerCase())
  .pipe(text().regex(USERNAME_PATTERN));

/** User ids are cuids; bound the shape so odd input never reaches the database. */
export const userIdParamSchema = text().regex(/^[a-z0-9]{8,40}$/i, "Not a user id.");
