"use client";

// The feed's cards as one client component fed compact card data: as server components, every card's element
// tree would go into the RSC payload, serialised, parsed, rendered and inlined into the HTML on every page view.
import { RoomCardView, type RoomCardData } from "./room-card-view";
import { ROOM_GRID } from "./room-grid";

export interface RoomCardGridProps {
  cards: RoomCardData[];
  /** The search, highlighted wherever it matched (name, description, topic, host). */
  query?: string;
}

export function RoomCardGrid({ cards, query }: RoomCardGridProps) {
  return (
    <ul data-testid="room-list" className={ROOM_GRID}>
      {cards.map((room) => (
        <li key={room.slug}>
          <RoomCardView room={room} query={query} />
        </li>
      ))}
    </ul>
  );
}
