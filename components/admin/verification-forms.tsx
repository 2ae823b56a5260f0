// The two ways a moderator helps someone whose address is not verified yet, side by side: send the
// verification mail again, or mark the address verified by hand. A member's page and a support
// request both offer them, each through its own actions.
import { AdminActionForm, type AdminActionFormProps } from "./action-form";

export interface VerificationFormsProps {
  /** What both actions get as `id`: the member, or the support request. */
  recordId: string;
  resend: AdminActionFormProps["action"];
  markVerified: AdminActionFormProps["action"];
  /** The two forms' accessible names (resend, mark verified), e.g. with the address in them. */
  labels: readonly [string, string];
}

export function VerificationForms({ recordId, resend, markVerified, labels }: VerificationFormsProps) {
  return (
    <div className="flex flex-wrap gap-2">
      <AdminActionForm
        action={resend}
        recordId={recordId}
        label={labels[0]}
        submitLabel="Resend verification"
        pendingLabel="Sending…"
      />
      <AdminActionForm action={markVerified} recordId={recordId} label={labels[1]} submitLabel="Mark verified" />
    </div>
  );
}
