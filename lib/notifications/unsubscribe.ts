// The one-click unsubscribe link of every away email (RFC 8058): a token naming the member, signed with a key derived
// from NEXTAUTH_SECRET for this purpose only, so it works without signing in and cannot be forged or pointed at
// someone else. Nothing stored: the link turns away emails off, which is harmless to repeat.
import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { setAwayEmailMode, findAwayEmailSetting } from "../db/away-email-settings";
import type { AwayEmailMode } from "../db/generated/prisma/enums";
import { enforce } from "../auth/rate-limit";
import { env } from "../env";
import { AppError } from "../errors";
import { maskEmail } from "../mail/mask-email";
import { unsubscribeTokenSchema } from "../validation/away-emails";

// A label of its own, so no other use of NEXTAUTH_SECRET can produce a valid MAC.
const PURPOSE = "roomful/away-email-unsubscribe/v1";

let cachedKey: { secret: string; key: Buffer } | undefined;

function macKey(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), PURPOSE, 32)) };
  }
  return cachedKey.key;
}

const mac = (userId: string) => createHmac("sha256", macKey()).update(userId, "utf8").digest();

/** The token of `userId`'s links. */
export function unsubscribeToken(userId: string): string {
  return `${Buffer.from(userId, "utf8").toString("base64url")}.${mac(userId).toString("base64url")}`;
}

/** The page (explains, then a button) and the RFC 8058 one-click POST target. */
export function unsubscribeUrls(userId: string): { page: string; oneClick: string } {
  const token = unsubscribeToken(userId);
  const base = env().APP_URL.replace(/\/$/, "");
  return { page: `${base}/unsubscribe/${token}`, oneClick: `${base}/api/unsubscribe/${token}` };
}

/** The member a genuine token names, or null for anything else (malformed, tampered, another key's). */
export function userIdFromToken(token: unknown): string | null {
  const parsed = unsubscribeTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const [idPart = "", macPart = ""] = parsed.data.split(".");
  const userId = Buffer.from(idPart, "base64url").toString("utf8");
  // Compared as text, not decoded bytes: base64 has spellings that decode alike (the last character's spare bits),
  // and a changed link must never pass. Re-encoding the id must give back the same text for the same reason.
  if (Buffer.from(userId, "utf8").toString("base64url") !== idPart) return null;
  const given = Buffer.from(macPart, "utf8");
  const expected = Buffer.from(mac(userId).toString("base64url"), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

export type UnsubscribeOutcome = { ok: true; maskedEmail: string } | { ok: false };

/** What the page shows before the button: the masked address and the current choice. */
export async function describeUnsubscribeToken(
  token: unknown,
): Promise<{ ok: true; maskedEmail: string; mode: AwayEmailMode } | { ok: false }> {
  const userId = userIdFromToken(token);
  const setting = userId ? await findAwayEmailSetting({ userId }) : null;
  return setting ? { ok: true, maskedEmail: maskEmail(setting.email), mode: setting.mode } : { ok: false };
}

/** Turns the token's member's away emails off (again, if already off); refused the same way whatever is wrong. */
export async function unsubscribeWithToken(token: unknown): Promise<UnsubscribeOutcome> {
  const userId = userIdFromToken(token);
  const done = userId ? await setAwayEmailMode({ userId, mode: "OFF" }) : null;
  return done ? { ok: true, maskedEmail: maskEmail(done.email) } : { ok: false };
}

/** Said for any token that is not genuine: never whose it was, or why. */
export const INVALID_UNSUBSCRIBE_LINK = "This unsubscribe link is not valid.";

export const invalidUnsubscribeLink = () => new AppError("invalid:unsubscribe_link", INVALID_UNSUBSCRIBE_LINK, 400);

/** The page a link's GET goes to, for a token of the right shape (genuine or not: the page says); else null. */
export function unsubscribePagePath(token: unknown): string | null {
  const parsed = unsubscribeTokenSchema.safeParse(token);
  return parsed.success ? `/unsubscribe/${parsed.data}` : null;
}

/**
 * The one-click unsubscribe (RFC 8058's POST, and the page's button): rate-limited per IP, then as
 * unsubscribeWithToken; throws a 400 AppError for a token that is not genuine.
 */
export async function unsubscribeByLink({
  token,
  ip,
}: {
  token: unknown;
  ip: string;
}): Promise<{ maskedEmail: string }> {
  await enforce("unsubscribeIp", ip, "Too many unsubscribe requests from your network.");
  const outcome = await unsubscribeWithToken(token);
  if (!outcome.ok) throw invalidUnsubscribeLink();
  return { maskedEmail: outcome.maskedEmail };
}
