"use client";
// The frame of the focus dialogs (start, join): a titled form on ModalDialog with Cancel and a submit button; the
// fields are the caller's. Focus starts on the element marked data-autofocus and returns to the opener on close.
import { useId, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

export interface FocusDialogProps {
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  pending: boolean;
  "data-testid": string;
  children: ReactNode;
}

export function FocusDialog({
  open,
  onClose,
  onSubmit,
  title,
  description,
  submitLabel,
  pending,
  ...rest
}: FocusDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      busy={pending}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={rest["data-testid"]}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-line bg-surface p-0 text-ink shadow-2xl shadow-black/20 backdrop:bg-slate-950/50 dark:shadow-black/60"
    >
      <form onSubmit={submit} noValidate>
        <div className="space-y-4 p-5 sm:p-6">
          <div>
            <h2 id={titleId} className="text-lg font-semibold tracking-tight text-ink">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="mt-1 text-sm text-ink-muted">
                {description}
              </p>
            ) : null}
          </div>
          {rest.children}
        </div>
        <div className="flex flex-col-reverse gap-2 rounded-b-2xl border-t border-line bg-sunken/50 px-5 py-4 sm:flex-row sm:justify-end sm:px-6">
          <Button variant="secondary" onClick={() => !pending && onClose()} aria-disabled={pending || undefined}>
            Cancel
          </Button>
          <Button type="submit" pending={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
