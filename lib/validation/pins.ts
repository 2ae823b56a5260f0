// The numbers of pins, shared by the server and the browser (no imports: the room page's event schemas use them). The
// pin/unpin form is parsed by the room's actions; what the pins list and `pins:updated` carry is in
// lib/realtime/event-schemas.ts.

/** Most pins a room holds; the 26th is refused until one is unpinned. */
export const PIN_LIMIT = 25;
/** An excerpt in the pins list: a line's worth, the rest is in the room. */
export const PIN_EXCERPT_CHARS = 140;
