"use client";
// The interactive part of Settings → Linked accounts: link (a server action records the intent,
// then the browser starts the provider's sign-in) and unlink (confirmed in a dialog that asks for
// the password, or a recent sign-in), with one message area for both and for the result the
// OAuth callback sends back in the URL.
import { signIn } from "next-auth/react";
import { useSearchParams } from "next/navigation";
import { startTransition, useActionState, useEffect, useState, useTransition } from "react";
import { OAuthProviderIcon } from "@/components/oauth-sign-in-button";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { CurrentPasswordField } from "@/components/account-fields";
import type { ProofNeeded } from "@/lib/auth/recent-proof";
import { initialFormState } from "@/lib/form-state";
import { startLinkingAction, unlinkAccountAction } from "../linked-accounts-actions";
import { ConfirmIdentity } from "./confirm-identity";

export interface LinkedAccountRow {
  id: string;
  name: string;
  linked: boolean;
  /** False for a provider linked earlier but no longer offered: it can be unlinked only. */
  available: boolean;
}

export interface LinkedAccountsListProps {
  rows: LinkedAccountRow[];
  /** What unlinking asks for first. */
  proof: ProofNeeded;
}

/** What the OAuth callback reports in ?linked= / ?linkError= (see lib/auth/oauth.ts). */
function callbackNotice(params: URLSearchParams): { tone: "success" | "error"; text: string } | null {
  const provider = params.get("provider") ?? "that provider";
  if (params.get("linked")) return { tone: "success", text: `${provider} is linked. You can now sign in with it.` };
  const error = params.get("linkError");
  if (error === "oauth-account-in-use") {
    return {
      tone: "error",
      text: `That ${provider} account is already linked to another Roomful member, so it was not linked to yours.`,
    };
  }
  if (error) return { tone: "error", text: `${provider} could not be linked. Please try again.` };
  return null;
}

function LinkButton({ row, onError }: { row: LinkedAccountRow; onError: (message: string) => void }) {
  const [pending, startTransition] = useTransition();
  const [leaving, setLeaving] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending || leaving}
      pendingText="Linking…"
      data-testid={`link-${row.id}`}
      onClick={() =>
        startTransition(async () => {
          const result = await startLinkingAction(row.id);
          if (!result.ok) return onError(result.message);
          setLeaving(true);
          await signIn(row.id, { callbackUrl: "/settings" }).catch(() => {
            setLeaving(false);
            onError(`${row.name} could not be reached. Please try again.`);
          });
        })
      }
    >
      Link {row.name}
    </Button>
  );
}

export function LinkedAccountsList({ rows, proof }: LinkedAccountsListProps) {
  const params = useSearchParams();
  // Read once: the parameters leave the address bar so a reload does not repeat the message.
  const [fromCallback] = useState(() => callbackNotice(params));
  const [state, unlinkAction, unlinking] = useActionState(unlinkAccountAction, initialFormState);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<"callback" | "unlink" | "link">("callback");
  // The provider being unlinked while its dialog is open, and the password typed there.
  const [confirming, setConfirming] = useState<LinkedAccountRow | null>(null);
  const [password, setPassword] = useState("");

  // A done unlink closes its dialog; a refusal stays in it.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state.status === "success") {
      setConfirming(null);
      setPassword("");
    }
  }
  const dialogFailed = confirming && state.status === "error" ? state : null;

  useEffect(() => {
    const url = new URL(window.location.href);
    if (!["linked", "linkError", "provider"].some((key) => url.searchParams.has(key))) return;
    for (const key of ["linked", "linkError", "provider"]) url.searchParams.delete(key);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);

  const notice =
    lastAction === "link" && linkError
      ? { tone: "error" as const, text: linkError }
      : lastAction === "unlink" && state.status === "success" && state.message
        ? { tone: "success" as const, text: state.message }
        : lastAction === "callback"
          ? fromCallback
          : null;

  return (
    <div className="space-y-4">
      {notice ? (
        <FormAlert key={notice.text} tone={notice.tone} announce={lastAction === "callback" ? "none" : undefined}>
          <span data-testid="linked-accounts-message">{notice.text}</span>
        </FormAlert>
      ) : null}
      <ul className="divide-y divide-line rounded-xl border border-line">
        {rows.map((row) => (
          <li
            key={row.id}
            data-testid={`linked-account-${row.id}`}
            data-linked={row.linked}
            className="flex flex-wrap items-center gap-3 px-4 py-3"
          >
            <OAuthProviderIcon providerId={row.id} className="size-6 shrink-0" />
            <div className="min-w-0 flex-1">
              <p className="font-medium text-ink">{row.name}</p>
              <p className="text-sm text-ink-muted">{row.linked ? "Linked" : "Not linked"}</p>
            </div>
            {row.linked ? (
              <Button
                variant="ghost"
                size="sm"
                data-testid={`unlink-${row.id}`}
                onClick={() => {
                  setLastAction("unlink");
                  setConfirming(row);
                }}
              >
                Unlink
              </Button>
            ) : row.available ? (
              <LinkButton
                row={row}
                onError={(message) => {
                  setLinkError(message);
                  setLastAction("link");
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        title={`Unlink ${confirming?.name ?? ""}?`}
        description="You will no longer be able to sign in with it. You can link it again later."
        confirmLabel="Unlink"
        pendingLabel="Unlinking…"
        pending={unlinking}
        error={dialogFailed && !dialogFailed.fields ? dialogFailed.message : undefined}
        data-testid="unlink-dialog"
        onCancel={() => {
          setConfirming(null);
          setPassword("");
        }}
        onConfirm={() => {
          if (!confirming) return;
          const form = new FormData();
          form.set("provider", confirming.id);
          form.set("currentPassword", password);
          startTransition(() => unlinkAction(form));
        }}
      >
        {proof.kind === "password" ? (
          <CurrentPasswordField
            label="Your password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={dialogFailed?.fields?.currentPassword}
          />
        ) : (
          <ConfirmIdentity proof={proof} section="sign-in" />
        )}
      </ConfirmDialog>
    </div>
  );
}
