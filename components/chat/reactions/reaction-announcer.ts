// One polite live region for the whole page, not one per message: a reaction bar disappears with its last reaction
// (and the toolbar's add button has none), so the region that speaks "You removed your 👍️ reaction" must outlive it.
import { toggleAnnouncement } from "./reactor-names";

let region: HTMLElement | null = null;
let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Creates the region if the page has none. Call it early (a bar's or an add button's mount): screen readers ignore
 * a live region that appears together with its first words.
 */
export function ensureReactionAnnouncer(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement("div");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  region.dataset.testid = "reaction-announcement";
  region.className = "sr-only";
  document.body.append(region);
  return region;
}

/** "You reacted with 👍️" / "You removed your 👍️ reaction", after the viewer's own toggle. */
export function announceReaction(emoji: string, on: boolean) {
  const live = ensureReactionAnnouncer();
  // Emptied first and refilled a moment later, so the same words twice in a row are spoken twice; the delay also lets
  // a closing picker (a modal, which makes the rest of the page inert) leave first.
  live.textContent = "";
  clearTimeout(pending);
  pending = setTimeout(() => {
    live.textContent = toggleAnnouncement(emoji, on);
  }, 100);
}
