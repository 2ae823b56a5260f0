// A toast that survives a redirect: a server action calls setFlash() before redirect(), the root
// layout reads it (readFlash) and <FlashToast> shows it once and deletes the cookie.
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";

export const FLASH_COOKIE = "roomful-flash";

const flashSchema = z.object({
  id: z.string().max(32),
  message: z.string().max(500),
  title: z.string().max(120).optional(),
  tone: z.enum(["info", "success", "error"]),
  sticky: z.boolean(),
});

/** A queued toast; <FlashToast> (components/ui/toast.tsx) shows it. */
export type Flash = z.infer<typeof flashSchema>;
type ToastTone = Flash["tone"];

export interface FlashOptions {
  title?: string;
  tone?: ToastTone;
  /** Keep it on screen until closed (for something the reader must not miss). */
  sticky?: boolean;
}

/** Queues a toast for the next page this browser renders (within a minute). */
export async function setFlash(
  message: string,
  { title, tone = "success", sticky = false }: FlashOptions = {},
): Promise<void> {
  const flash: Flash = { id: randomBytes(6).toString("base64url"), message, title, tone, sticky };
  (await cookies()).set(FLASH_COOKIE, JSON.stringify(flash), {
    path: "/",
    sameSite: "lax",
    maxAge: 60,
    // The browser deletes it once shown; it carries nothing secret.
    httpOnly: false,
  });
}

/** The pending flash, if any. Anything malformed (or hand-made) is ignored. */
export async function readFlash(): Promise<Flash | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = flashSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
