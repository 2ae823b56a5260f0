// The rooms a member is in, as links to their admin pages; the ones they host are marked.
import Link from "next/link";
import { Badge } from "@/components/admin/badges";
import { Section } from "@/components/admin/page-header";

type RoomRef = { id: string; name: string };

export function MemberRooms({ member }: { member: { hostedRooms: RoomRef[]; joinedRooms: RoomRef[] } }) {
  return (
    <Section title="Rooms">
      {member.hostedRooms.length + member.joinedRooms.length === 0 ? (
        <p className="text-sm text-ink-muted">Not in any room.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" data-testid="member-rooms">
          {member.joinedRooms.map((room) => (
            <li key={room.id}>
              <Link
                href={`/admin/rooms/${room.id}`}
                className="inline-flex items-center gap-1.5 rounded-full border border-line px-3 py-1 text-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-ring"
              >
                {room.name}
                {member.hostedRooms.some((h) => h.id === room.id) ? <Badge tone="accent">host</Badge> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
