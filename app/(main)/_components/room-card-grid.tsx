"use client";

// The feed's cards as one client component: the server sends a compact array of card data, and
// the markup (long class lists, icons, links) is rendered from this module on both sides. Server
// components here would put every card's whole element tree into the page's RSC payload, which
// the server serialises, parses back, renders and inlines into the HTML on every page view; that
// was most of the home page's CPU.
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
