// How the sitemap URLs (the site's pages, then topics, then rooms, then answered questions) split into files of at most
// 50,000, the sitemap protocol's limit: plain arithmetic, apart from the queries in ./sitemap.ts.

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

/** The site's own pages at the head of the first file. */
export const SITEMAP_PAGES = ["/", "/topics"] as const;

export interface SitemapCounts {
  pages: number;
  topics: number;
  rooms: number;
  /** Answered questions' pages (/rooms/<slug>/questions/<id>), after the rooms. */
  questions?: number;
}

export interface SitemapRange {
  skip: number;
  take: number;
}

/** How many sitemap files the URLs fill (at least one, for the site's own pages). */
export function sitemapFileCount(counts: SitemapCounts, max = SITEMAP_MAX_URLS): number {
  const total = counts.pages + counts.topics + counts.rooms + (counts.questions ?? 0);
  return Math.max(1, Math.ceil(total / max));
}

/**
 * Which pages, topics and rooms file `index` holds: the URLs are one list (pages, then topics,
 * then rooms) cut every `max`, so a file may end in topics and the next start in rooms.
 */
export function sitemapFileRanges(
  counts: SitemapCounts,
  index: number,
  max = SITEMAP_MAX_URLS,
): Record<"pages" | "topics" | "rooms", SitemapRange> & { questions?: SitemapRange } {
  const from = index * max;
  const to = from + max;
  let offset = 0;
  const slice = (size: number): SitemapRange => {
    const start = Math.min(Math.max(from - offset, 0), size);
    const end = Math.min(Math.max(to - offset, 0), size);
    offset += size;
    return { skip: start, take: end - start };
  };
  const pages = slice(counts.pages);
  const topics = slice(counts.topics);
  const rooms = slice(counts.rooms);
  if (counts.questions === undefined) return { pages, topics, rooms };
  return { pages, topics, rooms, questions: slice(counts.questions) };
}
