// robots.txt: crawlers may read the public pages (home, topics, rooms) and are kept out of members'
// pages, moderation, the API and the sign-in flow. The sitemap URL uses APP_URL, read per request.
import type { MetadataRoute } from "next";
import { AUTH_PAGES } from "@/lib/site/auth-pages";
import { absoluteUrl } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

/** Paths no crawler should read: private to members, moderators, or one-time links. */
const ROBOTS_DISALLOW = ["/admin", "/api/", "/settings", "/activity", "/rooms/new", "/rooms/*/edit", ...AUTH_PAGES];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ROBOTS_DISALLOW },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
