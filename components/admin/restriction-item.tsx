// One active mute or ban in an admin list (a room's page lists members, a member's page lists
// rooms), with its "Lift" button.
import type { ReactNode } from "react";
import { LiftRestrictionButton } from "@/components/moderation/lift-restriction-button";
import { RestrictionBadge } from "./badges";
import { Timestamp } from "./timestamp";

export interface RestrictionItemProps {
  restriction: { kind: "MUTE" | "BAN"; until: Date | null; reason: string };
  /** Who or where, e.g. a link to the member. */
  subject: ReactNode;
  roomSlug: string;
  user: { id: string; username: string };
}

export function RestrictionItem({ restriction, subject, roomSlug, user }: RestrictionItemProps) {
  const { kind, until, reason } = restriction;
  return (
    <li className="flex items-center justify-between gap-3 py-2">
      <div className="min-w-0 text-sm">
        {subject} <RestrictionBadge kind={kind} />
        <p className="text-ink-muted">
          {until ? (
            <>
              until <Timestamp date={until} />
            </>
          ) : (
            "until lifted"
          )}
          {reason ? `: ${reason}` : ""}
        </p>
      </div>
      <LiftRestrictionButton kind={kind} roomSlug={roomSlug} user={user} />
    </li>
  );
}
