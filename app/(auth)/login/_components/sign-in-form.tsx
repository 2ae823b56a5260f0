"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { textLinkClass } from "../../_components/auth-card";
import { signInErrorMessage } from "./sign-in-messages";

export interface SignInFormProps {
  /** A same-site path (already checked by the page). */
  callbackUrl: string;
  /** A message from the URL (?error=…, e.g. after an OAuth attempt). */
  initialError: string | null;
}

interface Failure {
  message: string | null;
  fields: { identifier?: string; password?: string };
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(initialError ? { message: initialError, fields: {} } : null);
  // Focus moves on a failed submit, not for an error already in the URL at load.
  const [submitted, setSubmitted] = useState<Failure | null>(null);
  useFocusFirstError(formRef, submitted);

  function fail(next: Failure) {
    setFailure(next);
    setSubmitted(next);
    setPending(false);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const identifier = String(data.get("identifier") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const fields: Failure["fields"] = {};
    if (!identifier) fields.identifier = "Enter your email or username.";
    if (!password) fields.password = "Enter your password.";
    if (fields.identifier || fields.password) return fail({ message: null, fields });

    setPending(true);
    setFailure(null);
    try {
      const result = await signIn("credentials", { redirect: false, identifier, password, callbackUrl });
      if (result?.ok && !result.error) {
        // A full navigation, so the server renders the next page with the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      fail({ message: signInErrorMessage(result?.error ?? "Default"), fields: {} });
    } catch {
      fail({ message: "We couldn't reach Roomful. Check your connection and try again.", fields: {} });
    }
  }

  return (
    // method="post" so that, before the script loads, a press of Enter never puts the password in
    // the address bar.
    <form ref={formRef} method="post" noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Sign in">
      {failure?.message ? <FormAlert tone="error">{failure.message}</FormAlert> : null}
      <TextField
        label="Email or username"
        name="identifier"
        type="text"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={failure?.fields.identifier}
        maxLength={254}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={failure?.fields.password}
        maxLength={512}
      />
      {/* After the field, not beside its label, so Tab goes from the name straight to the password. */}
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className={textLinkClass}>
          Forgot password?
        </Link>
      </p>
      <Button type="submit" block size="lg" pending={pending} pendingText="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
