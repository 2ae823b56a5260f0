// The sitemaps: the home page and /topics, every topic with rooms (/?topic=…) and every room, in
// that order, split into files of at most 50,000 URLs (the sitemap protocol's limit). /sitemap.xml
// is the index of those files (app/sitemap.xml/route.ts); each file is /sitemaps/sitemap/<n>.xml
// (app/sitemaps/sitemap.ts). Answered questions' pages follow the rooms. Profiles are left out: they are for
// signed-in members only.
import "server-only";
import type { MetadataRoute } from "next";
import { countAnsweredQuestions, listSitemapQuestions } from "../db/questions";
import { findLatestRoomActivity, listSitemapRooms } from "../db/rooms";
import { countAllRooms, countTopicsWithRooms, listSitemapTopics } from "../db/topics";
import { SITEMAP_PAGES, sitemapFileCount, sitemapFileRanges, type SitemapCounts } from "./sitemap-plan";
import { questionPath } from "./question-path";
import { absoluteUrl } from "./urls";

async function readCounts(): Promise<SitemapCounts> {
  const [topics, rooms, questions] = await Promise.all([
    countTopicsWithRooms(),
    countAllRooms(),
    countAnsweredQuestions(),
  ]);
  return { pages: SITEMAP_PAGES.length, topics, rooms, questions };
}

/** The ids of today's sitemap files: "0", "1", … */
export async function sitemapFileIds(): Promise<string[]> {
  const count = sitemapFileCount(await readCounts());
  return Array.from({ length: count }, (_, i) => String(i));
}

/** The entries of sitemap file `index` (empty past the last file). */
export async function sitemapFileEntries(index: number): Promise<MetadataRoute.Sitemap> {
  const ranges = sitemapFileRanges(await readCounts(), index);
  const [latest, topics, rooms, questions] = await Promise.all([
    ranges.pages.take > 0 ? findLatestRoomActivity() : null,
    listSitemapTopics(ranges.topics),
    listSitemapRooms(ranges.rooms),
    ranges.questions ? listSitemapQuestions(ranges.questions) : [],
  ]);
  const pages: MetadataRoute.Sitemap = SITEMAP_PAGES.slice(
    ranges.pages.skip,
    ranges.pages.skip + ranges.pages.take,
  ).map((path) => ({
    url: absoluteUrl(path),
    // The home page changes with every message anywhere; /topics with every new topic.
    ...(path === "/" && latest
      ? { lastModified: latest, changeFrequency: "hourly" as const }
      : { changeFrequency: "daily" as const }),
  }));
  return [
    ...pages,
    ...topics.map((topic) => ({
      url: absoluteUrl(`/?topic=${encodeURIComponent(topic.slug)}`),
      changeFrequency: "daily" as const,
    })),
    ...rooms.map((room) => ({ url: absoluteUrl(`/rooms/${room.slug}`), lastModified: room.lastActivityAt })),
    ...questions.map((q) => ({
      url: absoluteUrl(questionPath(q.slug, q.messageId)),
      lastModified: q.acceptedAt,
    })),
  ];
}
