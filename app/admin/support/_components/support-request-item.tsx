// One support request in the admin list: who asked for what, and either how it was handled or
// the forms to help (resend or mark verified while unverified) and to close it with a note.
import Link from "next/link";
import { AdminActionForm } from "@/components/admin/action-form";
import { Badge } from "@/components/admin/badges";
import { linkClass } from "@/components/admin/styles";
import { Timestamp } from "@/components/admin/timestamp";
import { VerificationForms } from "@/components/admin/verification-forms";
import { NOTE_MAX } from "@/lib/validation/admin";
import { supportCloseAction, supportMarkVerifiedAction, supportResendAction } from "../actions";

const KIND_LABELS = { RESEND_VERIFICATION: "Verification mail", OTHER: "Other" } as const;

export interface SupportRequestItemProps {
  request: {
    id: string;
    kind: keyof typeof KIND_LABELS;
    status: "OPEN" | "HANDLED";
    email: string;
    detail: string;
    note: string | null;
    createdAt: Date;
    handledAt: Date | null;
    handledBy: { username: string } | null;
    user: { username: string; emailVerified: boolean } | null;
  };
}

export function SupportRequestItem({ request: r }: SupportRequestItemProps) {
  return (
    <li className="rounded-xl border border-line bg-surface p-4" data-testid="support-request">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={r.status === "OPEN" ? "warning" : "success"}>{r.status === "OPEN" ? "Open" : "Handled"}</Badge>
        <span className="font-medium text-ink">{KIND_LABELS[r.kind]}</span>
        <span className="text-sm text-ink-muted">
          ·{" "}
          {r.user ? (
            <Link href={`/admin/members/${r.user.username}`} className={linkClass}>
              @{r.user.username}
            </Link>
          ) : (
            "no account"
          )}{" "}
          · <span className="break-all">{r.email}</span> · <Timestamp date={r.createdAt} />
        </span>
      </div>
      {r.detail ? <p className="mt-2 text-sm text-ink-muted">{r.detail}</p> : null}
      {r.status === "HANDLED" ? (
        <p className="mt-2 text-sm text-ink">
          <span className="text-ink-muted">
            Handled{r.handledBy ? ` by @${r.handledBy.username}` : ""}
            {r.handledAt ? (
              <>
                {" "}
                on <Timestamp date={r.handledAt} />
              </>
            ) : null}
            :
          </span>{" "}
          {r.note}
        </p>
      ) : (
        <div className="mt-3 grid gap-4 border-t border-line pt-3 md:grid-cols-[auto_1fr]">
          {r.user && !r.user.emailVerified ? (
            <VerificationForms
              recordId={r.id}
              resend={supportResendAction}
              markVerified={supportMarkVerifiedAction}
              labels={[`Resend verification to ${r.email}`, `Mark ${r.email} verified`]}
            />
          ) : (
            <p className="text-sm text-ink-muted">
              {r.user ? "The address is verified now." : "No account uses this address."}
            </p>
          )}
          <AdminActionForm
            action={supportCloseAction}
            recordId={r.id}
            label={`Close request from ${r.email}`}
            submitLabel="Close"
            pendingLabel="Closing…"
            inline
            fields={[{ name: "note", label: "Note", placeholder: "What was done?", maxLength: NOTE_MAX }]}
          />
        </div>
      )}
    </li>
  );
}
