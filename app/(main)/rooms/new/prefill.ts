// The new-room form's starting values from the query string (?name= from the home page's "no rooms
// match" state, ?topic= from a topic's page): shown only, so unstorable characters are replaced, not refused.
import { cutText, storableText } from "@/lib/validation/text";

/** A query parameter as a starting value: one value, one line, no longer than the field takes. */
export function prefill(raw: string | string[] | undefined, max: number): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return storableText(cutText((value ?? "").replace(/\s+/g, " ").trim(), max));
}
