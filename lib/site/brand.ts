// Roomful's name, words and colours, in one place for what shows the brand outside a page:
// the root metadata, link-preview images, the web app manifest and scripts/generate-icons.ts.

export const SITE_NAME = "Roomful";
export const SITE_TITLE = "Roomful: topic rooms with live chat";
export const SITE_DESCRIPTION = "Find a room about the topic you care about and talk in it live, or open your own.";

/** The UI's own colours (app/globals.css), so an installed app and a preview match the site. */
export const BRAND_COLORS = {
  /** The mark's gradient, from its top-left corner to its bottom-right. */
  markFrom: "#6366f1",
  markTo: "#8b5cf6",
  /** The mark's doorway, the middle of that gradient. */
  markDoor: "#6d5cf0",
  /** --color-accent and --color-canvas in light mode. */
  accent: "#4f46e5",
  canvas: "#f8fafc",
  /** The header bar in light mode: what <meta name="theme-color"> says too. */
  surface: "#ffffff",
  ink: "#0f172a",
} as const;

/**
 * The mark (a speech bubble with a doorway) on a 32 × 32 grid: the same paths as LogoMark in
 * components/site-header.tsx and app/icon.svg.
 */
export const MARK_PATHS = {
  bubble:
    "M9.5 7.5h13a3.5 3.5 0 0 1 3.5 3.5v8.5a3.5 3.5 0 0 1-3.5 3.5H16l-5 4v-4H9.5A3.5 3.5 0 0 1 6 19.5V11a3.5 3.5 0 0 1 3.5-3.5z",
  door: "M13 20v-4.25a3 3 0 0 1 6 0V20z",
} as const;

/**
 * `"square"` fills the canvas for icons the platform crops (maskable, Apple touch); `glyphScale` shrinks the bubble so
 * maskable icons keep it inside the safe zone (a centred circle, 40% of the icon's size).
 */
export function markSvg({
  shape = "rounded",
  glyphScale = 1,
}: { shape?: "rounded" | "square"; glyphScale?: number } = {}): string {
  const rx = shape === "rounded" ? 9 : 0;
  const transform = glyphScale === 1 ? "" : ` transform="translate(16 16) scale(${glyphScale}) translate(-16 -16)"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="${BRAND_COLORS.markFrom}"/><stop offset="1" stop-color="${BRAND_COLORS.markTo}"/>`,
    `</linearGradient></defs>`,
    `<rect width="32" height="32" rx="${rx}" fill="url(#g)"/>`,
    `<g${transform}>`,
    `<path fill="#fff" d="${MARK_PATHS.bubble}"/>`,
    `<path fill="${BRAND_COLORS.markDoor}" d="${MARK_PATHS.door}"/>`,
    `</g>`,
    `</svg>`,
  ].join("");
}
