"use client";
// The room's two dialogs, one each for the whole message list: deleting a message (any the viewer
// may delete) and, for moderators, moderating a message's author (mute or ban in this room).
import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import type { ModeratedMember } from "@/components/moderation/moderate-member-dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessageOf } from "@/lib/chat/client/chat-api";
import type { ChatMessage, MessageAuthorPayload } from "@/lib/chat/message-payload";

// Only moderators and admins can open it: their browsers load it, nobody else's first load carries it.
const ModerateMemberDialog = dynamic(() =>
  import("@/components/moderation/moderate-member-dialog").then((m) => m.ModerateMemberDialog),
);
// Loaded when someone first deletes a message, then kept (it closes as a dialog does).
const ConfirmDialog = dynamic(() => import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog), {
  ssr: false,
});

/** The dialogs' state; the message list opens them through `askToDelete` and `askToModerate`. */
export function useRoomDialogs(remove: (id: number) => Promise<void>) {
  const { toast } = useToast();
  const [deleting, setDeleting] = useState<ChatMessage | null>(null);
  const [deletePending, setDeletePending] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [moderating, setModerating] = useState<ModeratedMember | null>(null);
  const [deletedBefore, setDeletedBefore] = useState(false);

  const askToDelete = useCallback((message: ChatMessage) => {
    setDeleteError(null);
    setDeleting(message);
    setDeletedBefore(true);
  }, []);

  const confirmDelete = async () => {
    if (!deleting || deletePending) return;
    setDeletePending(true);
    setDeleteError(null);
    try {
      await remove(deleting.id);
      setDeleting(null);
      toast({ id: "message-deleted", message: "Message deleted.", tone: "success" });
    } catch (error) {
      setDeleteError(errorMessageOf(error, "Could not delete the message. Try again."));
    } finally {
      setDeletePending(false);
    }
  };

  const askToModerate = useCallback(
    (author: MessageAuthorPayload) => setModerating({ id: author.id, username: author.username, name: author.name }),
    [],
  );

  const deletion = {
    used: deletedBefore,
    open: deleting !== null,
    pending: deletePending,
    error: deleteError,
    confirm: () => void confirmDelete(),
    cancel: () => setDeleting(null),
  };
  const moderation = { member: moderating, close: () => setModerating(null) };
  return { askToDelete, askToModerate, dialogs: { deletion, moderation } };
}

export interface RoomDialogsProps {
  dialogs: ReturnType<typeof useRoomDialogs>["dialogs"];
  roomSlug: string;
  /** The viewer may mute and ban here (and the room still exists). */
  canRestrict: boolean;
}

export function RoomDialogs({ dialogs: { deletion, moderation }, roomSlug, canRestrict }: RoomDialogsProps) {
  return (
    <>
      {canRestrict ? (
        <ModerateMemberDialog roomSlug={roomSlug} user={moderation.member} onClose={moderation.close} />
      ) : null}
      {deletion.used ? (
        <ConfirmDialog
          data-testid="delete-message-dialog"
          title="Delete this message?"
          description="It is removed for everyone in the room. This cannot be undone."
          confirmLabel="Delete message"
          pendingLabel="Deleting…"
          tone="danger"
          open={deletion.open}
          pending={deletion.pending}
          error={deletion.error}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      ) : null}
    </>
  );
}
