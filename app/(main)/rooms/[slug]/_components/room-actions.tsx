"use client";

// The room's interactive controls: Join/Leave for members, and Delete (behind a confirmation
// dialog) for the host and moderators. The server actions check all of it again.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { initialFormState, type FormState } from "@/lib/form-state";
import { deleteRoomAction, joinRoomAction, leaveRoomAction } from "../actions";
import { OutlineIcon, TrashIcon } from "@/components/ui/icons";

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

export interface MembershipButtonProps {
  slug: string;
  joined: boolean;
}

/** Toasts a join or leave result; one id, so the newer result replaces the older toast. */
function useMembershipToast(state: FormState) {
  const { toast } = useToast();
  useEffect(() => {
    if (state.status !== "idle" && state.message) {
      toast({ id: "room-membership", message: state.message, tone: state.status === "success" ? "success" : "error" });
    }
  }, [state, toast]);
}

/**
 * Join or Leave. Both actions live here (not in two components) so that the toast for the one
 * just taken shows even though the page's refresh swaps which button is rendered.
 */
export function MembershipButton({ slug, joined }: MembershipButtonProps) {
  const [joinState, joinAction, joining] = useActionState(joinRoomAction, initialFormState);
  const [leaveState, leaveAction, leaving] = useActionState(leaveRoomAction, initialFormState);
  const rootRef = useRef<HTMLDivElement>(null);
  useMembershipToast(joinState);
  useMembershipToast(leaveState);

  // The button that had focus is replaced by its opposite; keep keyboard users where they were.
  const hadFocus = useRef(false);
  useEffect(() => {
    if (hadFocus.current && document.activeElement === document.body) rootRef.current?.querySelector("button")?.focus();
    hadFocus.current = false;
  }, [joined]);

  return (
    <div
      ref={rootRef}
      onFocus={() => {
        hadFocus.current = true;
      }}
      onBlur={(event) => {
        hadFocus.current = event.relatedTarget === null;
      }}
    >
      {joined ? (
        <form action={leaveAction}>
          <input type="hidden" name="slug" value={slug} />
          <Button
            type="submit"
            variant="secondary"
            size="sm"
            pending={leaving}
            pendingText="Leaving…"
            data-testid="leave-room"
          >
            <OutlineIcon className="size-4">
              <path d="M12.5 6.5V4.75A1.75 1.75 0 0 0 10.75 3h-5A1.75 1.75 0 0 0 4 4.75v10.5C4 16.22 4.78 17 5.75 17h5a1.75 1.75 0 0 0 1.75-1.75V13.5M8.5 10h9m0 0-2.75-2.75M17.5 10l-2.75 2.75" />
            </OutlineIcon>
            Leave room
          </Button>
        </form>
      ) : (
        <form action={joinAction}>
          <input type="hidden" name="slug" value={slug} />
          <Button type="submit" size="sm" pending={joining} pendingText="Joining…" data-testid="join-room">
            <OutlineIcon strokeWidth="1.75" roundJoins={false} className="size-4">
              <path d="M10 4.5v11M4.5 10h11" />
            </OutlineIcon>
            Join room
          </Button>
        </form>
      )}
    </div>
  );
}
