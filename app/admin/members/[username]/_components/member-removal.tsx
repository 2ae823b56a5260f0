// The side cards of a member's admin page that take things away: deactivate (or reactivate),
// delete all their messages, delete the account. Each shows only to those allowed to use it.
import { AdminActionForm, type AdminFormSpec } from "@/components/admin/action-form";
import { AdminDeleteForm } from "@/components/admin/delete-form";
import { Section } from "@/components/admin/page-header";
import { DeleteAllMessagesForm } from "../../../_components/message-delete-forms";
import { deactivateMemberAction, deleteMemberAction, reactivateMemberAction } from "../../actions";

export interface MemberRemovalProps {
  member: { id: string; username: string; deactivated: boolean; messageCount: number };
  /** Moderators act on members only; nobody acts on themselves here. */
  mayManage: boolean;
  mayDelete: boolean;
}

/** The deactivation card's form for the member's state: reactivate, or deactivate (asking first). */
function deactivationForm(member: { username: string; deactivated: boolean }): AdminFormSpec {
  if (member.deactivated) {
    return {
      action: reactivateMemberAction,
      label: "Reactivate member",
      submitLabel: "Reactivate",
      "data-testid": "reactivate-form",
    };
  }
  return {
    action: deactivateMemberAction,
    label: "Deactivate member",
    submitLabel: "Deactivate",
    pendingLabel: "Deactivating…",
    variant: "danger",
    "data-testid": "deactivate-form",
    confirm: {
      title: `Deactivate @${member.username}?`,
      description: "They are signed out everywhere at once and cannot sign in until reactivated.",
    },
  };
}

export function MemberRemoval({ member, mayManage, mayDelete }: MemberRemovalProps) {
  return (
    <>
      {mayManage ? (
        <Section
          title={member.deactivated ? "Deactivated" : "Deactivate"}
          description={
            member.deactivated
              ? "Cannot sign in. Their rooms and messages stay."
              : "Signs them out everywhere at once and keeps them out. Their rooms and messages stay."
          }
        >
          <AdminActionForm recordId={member.id} {...deactivationForm(member)} />
        </Section>
      ) : null}
      {member.messageCount > 0 ? (
        <Section
          title="Clean up messages"
          description={`Deletes all ${member.messageCount} of their messages, in every room. Open rooms update at once.`}
        >
          <DeleteAllMessagesForm
            member={member}
            label="Delete all messages"
            description={`${member.messageCount} messages disappear from their rooms.`}
          />
        </Section>
      ) : null}
      {mayDelete ? (
        <Section
          title="Delete account"
          description="Their messages stay, shown as “Anonymous User”; rooms they host stay without a host."
        >
          <AdminDeleteForm
            action={deleteMemberAction}
            recordId={member.id}
            label="Delete account"
            data-testid="delete-member-form"
            confirm={{ title: `Delete @${member.username}?`, description: "The account goes for good." }}
          />
        </Section>
      ) : null}
    </>
  );
}
