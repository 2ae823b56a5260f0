/** The feed's grid: two columns on tablets, one beside the sidebars on desktops (cards and skeleton). */
export const ROOM_GRID = "grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-1";
