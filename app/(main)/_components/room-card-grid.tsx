"use client";

// The feed's cards as one client component: the server sends a compact array of card data, and
// the markup (long class lists, icons, links) is rendered from this module on both sides. Server
// components here would put every card's whole element tree into the page's RSC payload, which
// the server serialises, parses back, renders and inlines into the HTML on every page view; that
// was most of the home page's CPU.
import { RelativeTime } from "@/components/relative-time";
import { RoomCardView, type RoomCardViewData } from "./room-card-view";
import { ROOM_GRID } from "./room-grid";

export interface RoomGridCard extends RoomCardViewData {
  /** "active 3 minutes ago" or "opened …". */
  time: { prefix: "active" | "opened"; at: Date };
  online: number;
  unread: number;
}

export interface RoomCardGridProps {
  cards: RoomGridCard[];
  /** The search, highlighted wherever it matched (name, description, topic, host). */
  query?: string;
}

export function RoomCardGrid({ cards, query }: RoomCardGridProps) {
  return (
    <ul data-testid="room-list" className={ROOM_GRID}>
      {cards.map(({ time, online, unread, ...room }) => (
        <li key={room.slug}>
          <RoomCardView
            room={room}
            query={query}
            time={<RelativeTime date={time.at} prefix={time.prefix} className="shrink-0 text-xs text-ink-subtle" />}
            online={online}
            unread={unread}
          />
        </li>
      ))}
    </ul>
  );
}
