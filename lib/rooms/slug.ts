// Room and topic slugs: from the name through slugify (lower-case, strict), cut to a readable
// length, with "-2", "-3"… when taken. Names with nothing slugify can spell (e.g. only CJK
// characters or emoji) fall back to a generic base.
import slugify from "slugify";

export const SLUG_MAX_LENGTH = 60;

/** The slug a name would get before collisions, never empty. */
export function baseSlug(name: string, fallback = "room"): string {
  const slug = slugify(name, { lower: true, strict: true, trim: true });
  if (!slug) return fallback;
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  // Cut at the last dash that keeps it under the limit, so words stay whole.
  const cut = slug.slice(0, SLUG_MAX_LENGTH + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 20 ? cut.slice(0, lastDash) : slug.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/, "");
}

/**
 * The first free slug for `base` given the slugs already taken that start with it:
 * base, base-2, base-3… (the lowest free number, so deleted rooms' numbers are reused).
 */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
