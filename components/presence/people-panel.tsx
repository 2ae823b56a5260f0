"use client";
// The people panel's live part: "Online now" (components/presence/room-online.tsx), then the room's
// other participants as loaded by the server. It fills whatever holds it: the room page puts it in
// a side column from lg up and in a slide-in drawer on narrower screens
// (components/chat/people-drawer.tsx), which scrolls it.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { useConnectionStatus } from "@/components/realtime/realtime-provider";
import { offlineParticipants, PARTICIPANTS_SHOWN, type Person } from "@/lib/presence/members";
import { focusRing, OnlineSkeleton, PanelFrame, PanelSection, ParticipantsSection, PersonRow } from "./people-list";
import { useRoomOnline } from "./room-online";

export interface PeoplePanelProps {
  viewerId: string | null;
  hostId: string | null;
  /** The newest participants first; more than are shown, so that those online can be left out. */
  participants: Person[];
  /** Every participant of the room. */
  participantTotal: number;
}

const SKELETON_LABEL: Partial<Record<ReturnType<typeof useConnectionStatus>, string>> = {
  offline: "Offline: waiting for the connection…",
  reconnecting: "Reconnecting…",
};

export function PeoplePanel(props: PeoplePanelProps) {
  // Visitors read the room live but are not in its presence: they get the count, not the faces.
  return props.viewerId ? <LivePeoplePanel {...props} viewerId={props.viewerId} /> : <VisitorPeoplePanel {...props} />;
}

function LivePeoplePanel({
  viewerId,
  hostId,
  participants,
  participantTotal,
}: PeoplePanelProps & { viewerId: string }) {
  const { count, faces: online, refused } = useRoomOnline();
  const status = useConnectionStatus();
  const onlineIds = useMemo(() => new Set((online ?? []).map((m) => m.id)), [online]);
  const rest = offlineParticipants({
    participants,
    total: participantTotal,
    onlineIds,
    viewerId,
    cap: PARTICIPANTS_SHOWN,
  });

  let onlineBody: ReactNode;
  if (online) {
    onlineBody = (
      <>
        <ul className="space-y-0.5">
          {online.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              online
              isViewer={person.id === viewerId}
              isHost={person.id === hostId}
              testId="online-member"
            />
          ))}
        </ul>
        {count > online.length ? (
          <p data-testid="online-more" className="px-2 pt-1 text-sm text-ink-subtle">
            and {count - online.length} more
          </p>
        ) : null}
        {count <= 1 && online.every((m) => m.id === viewerId) ? (
          <p data-testid="online-alone" className="px-2 pt-1 text-sm text-ink-subtle">
            Nobody else is here right now.
          </p>
        ) : null}
      </>
    );
  } else if (refused) {
    onlineBody = (
      <p className="px-2 text-sm text-ink-subtle">We could not see who is here. Reload the page to try again.</p>
    );
  } else {
    onlineBody = <OnlineSkeleton label={SKELETON_LABEL[status] ?? "Loading who is here…"} />;
  }

  return (
    <PanelFrame>
      <PanelSection title={online ? `Online now — ${count}` : "Online now"}>{onlineBody}</PanelSection>
      <ParticipantsSection people={rest.shown} more={rest.more} hostId={hostId} />
    </PanelFrame>
  );
}

function VisitorPeoplePanel({ hostId, participants, participantTotal }: PeoplePanelProps) {
  const pathname = usePathname();
  const { count } = useRoomOnline();
  const rest = offlineParticipants({
    participants,
    total: participantTotal,
    onlineIds: new Set(),
    viewerId: null,
    cap: PARTICIPANTS_SHOWN,
  });
  return (
    <PanelFrame>
      <p data-testid="people-sign-in" className="mx-2 rounded-lg bg-sunken px-3 py-2 text-sm text-ink-muted">
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(pathname)}`}
          className={`rounded-sm font-medium text-accent-ink underline-offset-2 hover:underline ${focusRing}`}
        >
          Sign in
        </Link>{" "}
        to see who is here now.
      </p>
      <p data-testid="visitor-online-count" className="mx-2 mt-2 text-sm text-ink-muted">
        {count === 1 ? "1 member online" : `${count} members online`}
      </p>
      <ParticipantsSection people={rest.shown} more={rest.more} hostId={hostId} />
    </PanelFrame>
  );
}
