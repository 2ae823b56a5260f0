// A deletion in the admin area: a red button that always asks first, with a dialog that says what
// goes and that it cannot be undone, and "Deleting…" while it runs.
import { AdminActionForm, type AdminActionFormProps } from "./action-form";

export interface AdminDeleteFormProps extends Pick<
  AdminActionFormProps,
  "action" | "recordId" | "hidden" | "label" | "submitLabel" | "data-testid"
> {
  confirm: {
    /** The dialog's question, e.g. `Delete “${room.name}”?`. */
    title: string;
    /** What goes with it; the dialog adds "This cannot be undone." so every deletion says so. */
    description: string;
  };
}

export function AdminDeleteForm({ confirm, ...form }: AdminDeleteFormProps) {
  return (
    <AdminActionForm
      {...form}
      pendingLabel="Deleting…"
      variant="danger"
      confirm={{ title: confirm.title, description: `${confirm.description} This cannot be undone.` }}
    />
  );
}
