// What a member is under in this room now, in the Moderate dialog: a line while the lookup runs,
// "not muted or banned", or their ban and mute, each with a button that lifts it.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

export interface Restrictions {
  mute: { until: string; reason: string } | null;
  ban: { until: string | null; reason: string } | null;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const withReason = (reason: string) => (reason ? `: ${reason}` : ".");

function RestrictionRow(props: {
  testId: string;
  text: ReactNode;
  action: string;
  pending: boolean;
  onLift: () => void;
}) {
  return (
    <div
      data-testid={props.testId}
      className="flex items-center justify-between gap-3 rounded-lg bg-sunken px-3 py-2 text-sm"
    >
      <span>{props.text}</span>
      <Button size="sm" variant="secondary" pending={props.pending} onClick={props.onLift}>
        {props.action}
      </Button>
    </div>
  );
}

export interface CurrentRestrictionsProps {
  /** Null until the lookup answers. */
  current: Restrictions | null;
  loading: boolean;
  pending: boolean;
  onLiftBan: () => void;
  onUnmute: () => void;
}

export function CurrentRestrictions({ current, loading, pending, onLiftBan, onUnmute }: CurrentRestrictionsProps) {
  return (
    <>
      {/* One line while the lookup runs and when there is nothing to lift, so in the usual
          case the buttons below stay where they are when the answer arrives. */}
      {loading ? (
        <p role="status" className="text-sm text-ink-subtle">
          Checking their current restrictions…
        </p>
      ) : null}
      {current && !current.ban && !current.mute ? (
        <p data-testid="no-restrictions" className="text-sm text-ink-subtle">
          Not muted or banned in this room.
        </p>
      ) : null}
      {current?.ban ? (
        <RestrictionRow
          testId="current-ban"
          text={`Banned from this room${withReason(current.ban.reason)}`}
          action="Lift ban"
          pending={pending}
          onLift={onLiftBan}
        />
      ) : null}
      {current?.mute ? (
        <RestrictionRow
          testId="current-mute"
          text={
            <>
              Muted until {timeFormat.format(new Date(current.mute.until))}
              {withReason(current.mute.reason)}
            </>
          }
          action="Unmute"
          pending={pending}
          onLift={onUnmute}
        />
      ) : null}
    </>
  );
}
