"use client";

// Join/Leave for members. The server actions check it again.
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { initialFormState, type FormState } from "@/lib/form-state";
import { joinRoomAction, leaveRoomAction } from "../actions";
import { OutlineIcon } from "@/components/ui/icons";

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
