// What a moderator answers a reported message with: delete it, mute or ban its author in the room, or dismiss. Each
// resolves every open report of the message (lib/moderation/reports.ts).
import { AdminActionForm } from "@/components/admin/action-form";
import { MUTE_CHOICES } from "@/lib/validation/admin";
import { REPORT_MUTE_MINUTES } from "@/lib/validation/reports";
import {
  banReportedAuthorAction,
  deleteReportedMessageAction,
  dismissReportsAction,
  muteReportedAuthorAction,
} from "../actions";

export interface ReportActionsProps {
  messageId: number;
  roomName: string;
  /** Null once the author's account is gone: nobody to mute or ban. */
  authorUsername: string | null;
}

export function ReportActions({ messageId, roomName, authorUsername }: ReportActionsProps) {
  const hidden = { messageId: String(messageId) };
  const who = authorUsername ? `@${authorUsername}` : "";
  return (
    <div className="flex flex-wrap items-end gap-2" data-testid="report-actions">
      <AdminActionForm
        action={deleteReportedMessageAction}
        hidden={hidden}
        label={`Delete reported message ${messageId}`}
        submitLabel="Delete message"
        pendingLabel="Deleting…"
        variant="danger"
        data-testid="report-delete"
        confirm={{ title: "Delete this message?", description: "It disappears from the room at once.", tone: "danger" }}
      />
      {authorUsername ? (
        <>
          <AdminActionForm
            action={muteReportedAuthorAction}
            hidden={hidden}
            label={`Mute ${who} in ${roomName}`}
            submitLabel="Mute author"
            pendingLabel="Muting…"
            inline
            data-testid="report-mute"
            fields={[
              {
                name: "minutes",
                label: "For",
                kind: "select",
                defaultValue: String(REPORT_MUTE_MINUTES),
                options: MUTE_CHOICES.map((c) => ({ value: String(c.minutes), label: c.label })),
              },
            ]}
            confirm={{ title: `Mute ${who} in “${roomName}”?`, description: "They can read but not post there." }}
          />
          <AdminActionForm
            action={banReportedAuthorAction}
            hidden={hidden}
            label={`Ban ${who} from ${roomName}`}
            submitLabel="Ban author"
            pendingLabel="Banning…"
            data-testid="report-ban"
            confirm={{
              title: `Ban ${who} from “${roomName}”?`,
              description: "They leave the room and cannot come back until the ban is lifted.",
              tone: "danger",
            }}
          />
        </>
      ) : null}
      <AdminActionForm
        action={dismissReportsAction}
        hidden={hidden}
        label={`Dismiss the reports of message ${messageId}`}
        submitLabel="Dismiss"
        pendingLabel="Dismissing…"
        variant="ghost"
        data-testid="report-dismiss"
      />
    </div>
  );
}
