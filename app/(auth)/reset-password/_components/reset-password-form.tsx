"use client";

import { NewPasswordFields } from "@/components/account-fields";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { AuthCard } from "../../_components/auth-card";
import { resetPasswordAction, type ResetState } from "../actions";
import { LinkProblem } from "./link-problem";

export interface ResetPasswordFormProps {
  token: string;
}

const idle: ResetState = { status: "idle" };

export function ResetPasswordForm({ token }: ResetPasswordFormProps) {
  const { state, pending, formProps } = useActionForm(resetPasswordAction, idle, {
    isFailure: (s) => s.status === "error" && !s.linkProblem,
  });

  // The link turned out to be used or expired while the form was open.
  if (state.linkProblem) return <LinkProblem reason={state.linkProblem} focus />;

  const fields = state.fields ?? {};
  return (
    <AuthCard
      icon="lock"
      title="Choose a new password"
      description="After this, every device signed in to your account is signed out."
    >
      <form {...formProps} className="space-y-5">
        {state.status === "error" && !state.fields ? <FormAlert tone="error">{state.message}</FormAlert> : null}
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields labels={["New password", "Confirm new password"]} errors={fields} maxLength={128} />
        <Button type="submit" block size="lg" pending={pending} pendingText="Saving…">
          Set new password
        </Button>
      </form>
    </AuthCard>
  );
}
