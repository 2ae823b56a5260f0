// zod schemas for account forms and endpoints: sign-up, sign-in, reset, profile. Shared by the
// forms (client hints), the server actions and the route handlers.
import { z } from "zod";
import { text } from "./text";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const USERNAME_PATTERN = /^[a-z0-9_]{3,30}$/;

/** Trimmed, lower-cased text between two lengths, each bound with its own words. */
function identifierSchema(required: string, [min, tooShort]: [number, string], [max, tooLong]: [number, string]) {
  return text({ message: required }).trim().toLowerCase().min(min, tooShort).max(max, tooLong);
}

export const emailSchema = identifierSchema(
  "Enter your email address.",
  [1, "Enter your email address."],
  [254, "That email address is too long."],
).pipe(z.email({ message: "Enter a valid email address, like name@example.com." }));

export const usernameSchema = identifierSchema(
  "Choose a username.",
  [3, "Usernames have at least 3 characters."],
  [30, "Usernames have at most 30 characters."],
).regex(USERNAME_PATTERN, "Use only letters, digits and underscores.");

export const displayNameSchema = text({ message: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(60, "Names have at most 60 characters.");

/** Length only; the common-password check runs on the server (lib/auth/password-policy.ts). */
export const newPasswordSchema = text({ message: "Choose a password." })
  .min(PASSWORD_MIN, `Passwords have at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Passwords have at most ${PASSWORD_MAX} characters.`);

type PasswordPair = { password: string; confirmPassword: string };

/**
 * A form that sets a password: `fields`, then the new password and its repetition, which must
 * match (the refine runs once every field is valid).
 */
export function withNewPassword<T extends z.ZodRawShape>(fields: T, repeatMessage?: string) {
  return (
    z
      .object({
        ...fields,
        password: newPasswordSchema,
        confirmPassword: text(repeatMessage ? { message: repeatMessage } : undefined),
      })
      // The cast only names the two fields this function itself added (zod cannot see through T).
      .refine((v) => (v as PasswordPair).password === (v as PasswordPair).confirmPassword, {
        path: ["confirmPassword"],
        message: "The two passwords differ.",
      })
  );
}

export const registerSchema = withNewPassword(
  { email: emailSchema, username: usernameSchema, name: displayNameSchema },
  "Repeat your password.",
);
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  identifier: text().trim().toLowerCase().min(1, "Enter your email or username.").max(254),
  // No policy here: an old password may predate the current one; only bound the work.
  password: text()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX * 4),
});

export const tokenSchema = text().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");

export const resetPasswordSchema = withNewPassword({ token: tokenSchema });
