"use client";
// The interactive part of Settings → Where you're signed in: a row per device with its own "Sign out", and the two
// ways to end many at once. Outcomes arrive as toasts; ending this device's session leaves the page.
import { useActionState, useState } from "react";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { DesktopIcon, PhoneIcon } from "@/components/ui/icons";
import type { DeviceSession } from "@/lib/auth/device-sessions";
import { initialFormState } from "@/lib/form-state";
import { signOutDeviceAction, signOutEverywhereAction, signOutOtherDevicesAction } from "../session-actions";
import { useSuccessToast } from "./use-form-toast";

export interface DeviceSessionsListProps {
  /** `method` is already a name for people: "password", "GitHub". */
  sessions: DeviceSession[];
}

interface DeviceRowProps {
  session: DeviceSession;
  /** The list's sign-out action: its state outlives the row it removes. */
  action: (formData: FormData) => void;
  pending: boolean;
  onSubmit: () => void;
}

function DeviceRow({ session, action, pending, onSubmit }: DeviceRowProps) {
  const Icon = session.kind === "mobile" || session.kind === "tablet" ? PhoneIcon : DesktopIcon;
  return (
    <li
      data-testid="device-session"
      data-current={session.current}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3"
    >
      <span className="grid size-9 shrink-0 place-items-center rounded-full bg-sunken text-ink-muted">
        <Icon />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium text-ink">
          <span className="min-w-0 break-words">{session.device}</span>
          {session.current ? (
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-600/20 ring-inset dark:bg-emerald-950/60 dark:text-emerald-200">
              This device
            </span>
          ) : null}
        </p>
        <p className="text-sm text-ink-muted">
          {session.current ? "Active now" : <RelativeTime date={session.lastSeenAt} prefix="Active" />}
          {session.ip ? <> · {session.ip}</> : null} · signed in with {session.method}{" "}
          <RelativeTime date={session.signedInAt} />
        </p>
      </div>
      <form action={action} onSubmit={onSubmit}>
        <input type="hidden" name="sessionId" value={session.id} />
        <Button
          type="submit"
          variant="ghost"
          size="sm"
          pending={pending}
          pendingText="Signing out…"
          aria-label={session.current ? "Sign out on this device" : `Sign out on ${session.device}`}
        >
          Sign out
        </Button>
      </form>
    </li>
  );
}

export function DeviceSessionsList({ sessions }: DeviceSessionsListProps) {
  const [othersState, othersAction, endingOthers] = useActionState(signOutOtherDevicesAction, initialFormState);
  const [allState, allAction, endingAll] = useActionState(signOutEverywhereAction, initialFormState);
  const [deviceState, deviceAction, endingDevice] = useActionState(signOutDeviceAction, initialFormState);
  const [endingId, setEndingId] = useState<string | null>(null);
  useSuccessToast(othersState, "devices-others");
  useSuccessToast(deviceState, "devices-one");
  const failed = [deviceState, othersState, allState].find((state) => state.status === "error" && state.message);

  return (
    <div className="space-y-4" data-testid="device-sessions">
      {failed ? <FormAlert tone="error">{failed.message}</FormAlert> : null}
      <ul className="divide-y divide-line rounded-xl border border-line">
        {sessions.map((session) => (
          <DeviceRow
            key={session.id}
            session={session}
            action={deviceAction}
            pending={endingDevice && endingId === session.id}
            onSubmit={() => setEndingId(session.id)}
          />
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        {sessions.length > 1 ? (
          <form action={othersAction}>
            <Button type="submit" variant="secondary" size="sm" pending={endingOthers} pendingText="Signing out…">
              Sign out on other devices
            </Button>
          </form>
        ) : null}
        <form action={allAction}>
          <Button
            type="submit"
            variant="secondary"
            size="sm"
            pending={endingAll}
            pendingText="Signing out…"
            className="text-rose-700 dark:text-rose-300"
          >
            Sign out everywhere
          </Button>
        </form>
      </div>
    </div>
  );
}
