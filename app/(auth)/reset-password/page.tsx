import type { Metadata } from "next";
import { hashToken } from "@/lib/auth/tokens";
import { findTokenByHash } from "@/lib/db/tokens";
import { tokenSchema } from "@/lib/validation/account";
import { LinkProblem } from "./_components/link-problem";
import { ResetPasswordForm } from "./_components/reset-password-form";

// strict-origin: requests from this page (even to our own server) carry no token in Referer.
// Not no-referrer, which makes browsers send "Origin: null" and fails the server action check.
export const metadata: Metadata = { title: "Choose a new password", referrer: "strict-origin" };

interface ResetPasswordPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Looks at the link without using it up, so a dead link says so before anyone types a password. */
async function linkState(token: string | undefined): Promise<"ok" | "invalid" | "expired" | "used"> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return "invalid";
  const row = await findTokenByHash({ tokenHash: hashToken(parsed.data) });
  if (!row || row.kind !== "PASSWORD_RESET") return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= new Date()) return "expired";
  return "ok";
}

export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  const state = await linkState(token);
  if (state !== "ok" || !token) return <LinkProblem reason={state === "ok" ? "invalid" : state} />;
  return <ResetPasswordForm token={token} />;
}
