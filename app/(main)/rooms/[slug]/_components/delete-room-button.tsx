"use client";

// Delete (behind a confirmation dialog) for the room's host and moderators. The server action checks it again.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TrashIcon } from "@/components/ui/icons";
import { initialFormState, type FormState } from "@/lib/form-state";
import { deleteRoomAction } from "../actions";

export interface DeleteRoomButtonProps {
  slug: string;
  name: string;
  /** The room header uses a small one; the edit page's danger zone a regular one. */
  size?: "sm" | "md";
}

/** "Delete…", then a confirmation dialog; on success the action goes home with a toast. */
export function DeleteRoomButton({ slug, name, size = "md" }: DeleteRoomButtonProps) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(deleteRoomAction, initialFormState);
  // An error belongs to the attempt that made it: reopening the dialog starts clean.
  const [seenState, setSeenState] = useState<FormState>(state);
  const error = state.status === "error" && state !== seenState ? state.message : undefined;
  const inFlight = useRef(false);
  useEffect(() => {
    if (!pending) inFlight.current = false;
  }, [pending]);

  function confirm() {
    // `pending` turns true one render late; this closes the gap for a fast double click.
    if (inFlight.current) return;
    inFlight.current = true;
    const data = new FormData();
    data.set("slug", slug);
    startTransition(() => formAction(data));
  }

  return (
    <>
      <Button
        variant="secondary"
        size={size}
        aria-haspopup="dialog"
        onClick={() => {
          setSeenState(state);
          setOpen(true);
        }}
        className="text-rose-700 hover:text-rose-800 dark:text-rose-300 dark:hover:text-rose-200"
      >
        {/* The header's small buttons drop their icons on phones so they fit on one row. */}
        <TrashIcon className={size === "sm" ? "size-4 max-sm:hidden" : "size-4"} />
        Delete…
      </Button>
      <ConfirmDialog
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={confirm}
        tone="danger"
        title={
          <>
            Delete <span className="break-words">“{name}”</span>?
          </>
        }
        description="The room and all its messages are removed for everyone, and anyone inside it is told it has closed. This cannot be undone."
        confirmLabel="Delete room"
        pendingLabel="Deleting…"
        pending={pending}
        error={error}
        data-testid="delete-room-dialog"
      />
    </>
  );
}
