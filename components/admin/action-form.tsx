"use client";

// One admin action as a form: hidden ids, optional fields, a submit button, an optional "are you
// sure?" dialog, a toast on success and the error (with field errors) on failure, keeping what
// was typed. Works without JavaScript too (the server action is the form's action; no dialog then).
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError, TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { useActionForm } from "@/components/use-action-form";
import { initialFormState, type FormState } from "@/lib/form-state";

/** A visible field, described as data so that server pages can hand it to this client form. */
export interface ActionField {
  name: string;
  label: string;
  kind?: "text" | "textarea" | "select";
  placeholder?: string;
  hint?: string;
  maxLength?: number;
  defaultValue?: string;
  required?: boolean;
  options?: Array<{ value: string; label: string }>;
}

export interface AdminActionFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The record the action works on, sent as the hidden input `id` (what most admin actions read). */
  recordId?: string;
  /** Other hidden inputs, e.g. { userId: member.id, roomId: room.id }. */
  hidden?: Record<string, string>;
  /** Visible fields; after a failure they show their errors and keep what was typed. */
  fields?: ActionField[];
  /** The button's text; defaults to the form's `label`. */
  submitLabel?: ReactNode;
  /** What the button says while the action runs: "Saving…" unless another word fits better. */
  pendingLabel?: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Asks first (for anything destructive or hard to undo). */
  confirm?: { title: ReactNode; description?: ReactNode; confirmLabel?: ReactNode; tone?: "default" | "danger" };
  /** The accessible name of the form, e.g. "Lock Python help". */
  label: string;
  "data-testid"?: string;
  className?: string;
  /** Lays fields and button out in a row from sm up (filters, one-field forms). */
  inline?: boolean;
}

/** A form's settings apart from its record, for pages that pick one by state (lock or unlock). */
export type AdminFormSpec = Omit<AdminActionFormProps, "recordId">;

export function AdminActionForm({
  action,
  recordId,
  hidden = {},
  fields,
  label,
  submitLabel = label,
  pendingLabel = "Saving…",
  variant = "secondary",
  size = "sm",
  confirm,
  "data-testid": testId,
  className = "",
  inline = false,
}: AdminActionFormProps) {
  const { state, pending, formProps } = useActionForm(action, initialFormState);
  const { toast } = useToast();
  const [asking, setAsking] = useState(false);
  const confirmed = useRef(false);
  const failed = state.status === "error" ? state : null;

  // A toast per success (each submit returns a new state object).
  const shown = useRef<FormState | null>(null);
  useEffect(() => {
    if (state.status === "success" && state.message && shown.current !== state) {
      shown.current = state;
      toast({ message: state.message, tone: "success" });
      // Done: the fields go back to their (refreshed) defaults for the next one.
      formProps.ref.current?.reset();
    }
  }, [state, toast, formProps.ref]);

  // Any answer closes the dialog (a failure shows beside the form). Adjusted during render,
  // React's pattern for "reset when a value changes".
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    setAsking(false);
  }

  const formMessage =
    failed && (!failed.fields || Object.keys(failed.fields).every((k) => k === "form" || k === "id"))
      ? failed.message
      : null;

  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        if (confirm && !confirmed.current) {
          event.preventDefault();
          setAsking(true);
          return;
        }
        confirmed.current = false;
        formProps.onSubmit(event);
      }}
      aria-label={label}
      data-testid={testId}
      className={className}
    >
      {Object.entries(recordId === undefined ? hidden : { id: recordId, ...hidden }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={inline ? "flex flex-col gap-2 sm:flex-row sm:items-start" : "space-y-3"}>
        {fields?.length ? (
          <div className={inline ? "flex min-w-0 flex-1 flex-col gap-3 sm:flex-row" : "space-y-3"}>
            {fields.map((field) => (
              <ActionFieldInput key={field.name} field={field} failed={failed} />
            ))}
          </div>
        ) : null}
        <Button
          type="submit"
          variant={variant}
          size={size}
          pending={pending}
          pendingText={pendingLabel}
          className={inline && fields?.length ? "sm:mt-7" : ""}
        >
          {submitLabel}
        </Button>
      </div>
      {formMessage ? (
        <FormAlert tone="error" className="mt-3">
          {formMessage}
        </FormAlert>
      ) : null}
      {confirm ? (
        <ConfirmDialog
          open={asking}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            confirmed.current = true;
            formProps.ref.current?.requestSubmit();
          }}
          title={confirm.title}
          description={confirm.description}
          confirmLabel={confirm.confirmLabel ?? submitLabel}
          pendingLabel={pendingLabel}
          tone={confirm.tone ?? "danger"}
          pending={pending}
          data-testid="confirm-dialog"
        />
      ) : null}
    </form>
  );
}

const controlClass = (error?: string) =>
  `block w-full rounded-lg border bg-surface px-3 text-base text-ink shadow-sm transition focus:outline-none focus-visible:ring-3 sm:text-sm ${
    error
      ? "border-rose-600 focus-visible:ring-rose-500/30 dark:border-rose-400"
      : "border-line-strong focus:border-accent focus-visible:ring-ring/30"
  }`;

function ActionFieldInput({ field, failed }: { field: ActionField; failed: FormState | null }) {
  const id = useId();
  const error = failed?.fields?.[field.name];
  const value = failed?.values?.[field.name] ?? field.defaultValue ?? "";
  if (!field.kind || field.kind === "text") {
    return (
      <TextField
        // Remounted with the refill after a failure, so the kept value shows.
        key={value}
        label={field.label}
        name={field.name}
        defaultValue={value}
        placeholder={field.placeholder}
        maxLength={field.maxLength}
        required={field.required}
        hint={field.hint}
        error={error}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        className="min-w-0 flex-1"
      />
    );
  }
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink">
        {field.label}
      </label>
      {field.kind === "textarea" ? (
        <textarea
          key={value}
          id={id}
          name={field.name}
          rows={3}
          defaultValue={value}
          placeholder={field.placeholder}
          maxLength={field.maxLength}
          required={field.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${controlClass(error)} resize-y py-2`}
        />
      ) : (
        <select
          key={value}
          id={id}
          name={field.name}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${controlClass(error)} h-11 sm:h-10`}
        >
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
      {field.hint ? <p className="mt-1.5 text-sm text-ink-muted">{field.hint}</p> : null}
    </div>
  );
}
