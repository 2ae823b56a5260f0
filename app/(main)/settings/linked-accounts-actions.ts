"use server";
// Server actions for linked sign-in providers on Settings. Each is a public endpoint: it finds
// the caller first (requireUser), validates the provider, then acts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setLinkIntentCookie } from "@/lib/auth/oauth";
import { requireRecentProof } from "@/lib/auth/recent-proof";
import { configuredOAuthProviders, oauthProviderName } from "@/lib/auth/oauth-providers";
import { memberAction } from "@/lib/actions/member-action";
import { requireUser } from "@/lib/auth/session";
import { unlinkAccount } from "@/lib/db/accounts";
import { errorResult } from "@/lib/form-errors";
import { type FormState } from "@/lib/form-state";
import { currentPasswordSchema } from "@/lib/validation/profile";
import { text } from "@/lib/validation/text";

const providerSchema = text().trim().min(1).max(64);
const unlinkSchema = z.object({ provider: providerSchema, currentPassword: currentPasswordSchema });

export type StartLinkingResult = { ok: true } | { ok: false; message: string };

/**
 * Linking step one: a short-lived signed cookie records that this member asked to link `provider`, so the OAuth
 * callback (lib/auth/oauth.ts) links the account only to them.
 */
export async function startLinkingAction(provider: unknown): Promise<StartLinkingResult> {
  try {
    const user = await requireUser();
    const parsed = providerSchema.safeParse(provider);
    if (!parsed.success || !configuredOAuthProviders().some((p) => p.id === parsed.data)) {
      return { ok: false, message: "That sign-in provider is not available." };
    }
    await setLinkIntentCookie({ userId: user.id, provider: parsed.data });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: errorResult(error).message };
  }
}

export async function unlinkAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const onInvalid = (): FormState => ({ status: "error", message: "Choose a provider to unlink." });
  return memberAction(formData, { schema: unlinkSchema, onInvalid }, async ({ provider, currentPassword }, user) => {
    const name = oauthProviderName(provider);
    await requireRecentProof(user, currentPassword, "currentPassword");
    const outcome = await unlinkAccount({ userId: user.id, provider });
    if (!outcome.ok) {
      const message =
        outcome.reason === "last_sign_in_method"
          ? `You can't unlink ${name}: it is your only way to sign in. Set a password or link another account first.`
          : `${name} is not linked to your account.`;
      return { status: "error", message };
    }
    revalidatePath("/settings");
    return { status: "success", message: `${name} is no longer linked. You can't sign in with it any more.` };
  });
}
