// A room's slow-mode choices and how a wait is said ("30 s", "1 min"), with no imports: the composer and the room
// header are in the room page's first load, and ./slow-mode.ts (the setter's schema) brings zod and slugify.

/** The choices offered, in seconds (0: off). */
export const SLOW_MODE_SECONDS = [0, 5, 10, 30, 60, 300] as const;

/** The longest choice: the send statement keeps each member's last send for this long (lib/db/message-send.ts). */
export const SLOW_MODE_MAX_SECONDS = Math.max(...SLOW_MODE_SECONDS);

/** "5 s", "1 min", "5 min"; "Off" for 0. */
export function slowModeLabel(seconds: number): string {
  if (seconds <= 0) return "Off";
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

export const SLOW_MODE_CHOICES = SLOW_MODE_SECONDS.map((seconds) => ({ seconds, label: slowModeLabel(seconds) }));
