// The two message deletions moderators start from more than one admin page (the messages list and
// a member's page): one message, or every message by one member.
import { AdminActionForm } from "@/components/admin/action-form";
import { AdminDeleteForm } from "@/components/admin/delete-form";
import { deleteAllMessagesAction, deleteMessageAction } from "../messages/actions";

export function DeleteMessageForm({ id }: { id: number }) {
  return (
    <AdminActionForm
      action={deleteMessageAction}
      recordId={String(id)}
      label={`Delete message ${id}`}
      submitLabel="Delete"
      pendingLabel="Deleting…"
      confirm={{ title: "Delete this message?", description: "It disappears from the room at once." }}
    />
  );
}

export interface DeleteAllMessagesFormProps {
  member: { id: string; username: string };
  /** Only their messages in this room; every room without it. */
  room?: { id: string; name: string } | null;
  label: string;
  /** Defaults to the label. */
  submitLabel?: string;
  /** What goes; the dialog adds that it cannot be undone. */
  description: string;
}

export function DeleteAllMessagesForm({ member, room, label, submitLabel, description }: DeleteAllMessagesFormProps) {
  return (
    <AdminDeleteForm
      action={deleteAllMessagesAction}
      hidden={room ? { userId: member.id, roomId: room.id } : { userId: member.id }}
      label={label}
      submitLabel={submitLabel}
      data-testid="delete-all-messages-form"
      confirm={{
        title: `Delete all of @${member.username}’s messages${room ? ` in “${room.name}”` : ""}?`,
        description,
      }}
    />
  );
}
