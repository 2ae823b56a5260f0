// The people panel of a room: who is online now (live, from presence) and then the room's other
// participants. This server part loads the participants; components/presence/people-panel.tsx
// keeps the live part. The page wraps it in <Suspense> so that the conversation does not wait.
import { listRoomParticipants } from "@/lib/db/participants";
import { PARTICIPANTS_SHOWN } from "@/lib/presence/members";
import { REALTIME_LIMITS } from "@/lib/realtime/limits";
import { PeoplePanel } from "./people-panel";

export interface RoomPeopleProps {
  roomId: string;
  /** The signed-in viewer, or null for visitors (who see participants but no live presence). */
  viewerId: string | null;
}

// Enough rows to still list PARTICIPANTS_SHOWN after leaving out everyone online (listed under "Online now").
// The limit lives in lib/: imported from the "use client" module it would be a client reference, not a number.
const PARTICIPANTS_LOADED = PARTICIPANTS_SHOWN + REALTIME_LIMITS.maxPresenceMembersPerChannel;

export async function RoomPeople({ roomId, viewerId }: RoomPeopleProps) {
  const { hostId, total, participants } = await listRoomParticipants({ roomId, limit: PARTICIPANTS_LOADED });
  return (
    <PeoplePanel
      viewerId={viewerId}
      hostId={hostId}
      // Only what the panel shows crosses to the browser.
      participants={participants.map(({ id, username, name, avatarUrl }) => ({ id, username, name, avatarUrl }))}
      participantTotal={total}
    />
  );
}
