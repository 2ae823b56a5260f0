"use client";
// For members without a password: a sensitive change needs a sign-in on this device in the last few minutes
// (lib/auth/recent-proof.ts). Shown where such a change is offered; the provider brings them back to the section.
import { signIn } from "next-auth/react";
import { useState } from "react";
import { OAuthProviderIcon } from "@/components/oauth-sign-in-button";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ProofNeeded } from "@/lib/auth/recent-proof";

export interface ConfirmIdentityProps {
  proof: ProofNeeded;
  /** The settings section to come back to, e.g. "email". */
  section: string;
}

/** Nothing when a password will be asked for or the last sign-in is recent. */
export function ConfirmIdentity({ proof, section }: ConfirmIdentityProps) {
  const [leaving, setLeaving] = useState<string | null>(null);
  if (proof.kind === "password" || proof.fresh) return null;
  return (
    <FormAlert tone="info" title="Confirm it's you" announce="none">
      <p>For your safety, sign in again before this change. You come straight back here.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {proof.providers.map((provider) => (
          <Button
            key={provider.id}
            variant="secondary"
            size="sm"
            pending={leaving === provider.id}
            pendingText="Opening…"
            data-testid={`reauth-${provider.id}`}
            onClick={() => {
              setLeaving(provider.id);
              void signIn(provider.id, { callbackUrl: `/settings#${section}` }).catch(() => setLeaving(null));
            }}
          >
            <OAuthProviderIcon providerId={provider.id} className="size-4" />
            Sign in with {provider.name}
          </Button>
        ))}
      </div>
    </FormAlert>
  );
}
