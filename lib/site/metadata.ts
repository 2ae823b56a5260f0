// Page metadata for link previews: the OpenGraph and Twitter card fields every public page
// shares, built from what the page may show anyone. URLs stay relative here; the root layout's
// metadataBase (APP_URL, read at run time) makes them absolute.
import type { Metadata } from "next";
import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from "./brand";
import { cutAtWord } from "./preview-text";

/** Previews show about this much of a description; longer ones are cut at a word. */
export const PREVIEW_DESCRIPTION_MAX = 200;

export function previewDescription(text: string): string {
  return cutAtWord(text.replace(/\s+/g, " ").trim(), PREVIEW_DESCRIPTION_MAX);
}

export interface PreviewMetadataInput {
  /** The page's own title (the document title adds " · Roomful"; previews name the site apart). */
  title: string;
  description: string;
  /** The page's path on the site, e.g. /rooms/rust-beginners. */
  path: string;
  /** A member's profile: og:type "profile" with their username. */
  profile?: { username: string };
  /**
   * Pass `(await parent).openGraph?.images` where the route has no opengraph-image: a page's openGraph replaces the
   * parent's whole, picture included. Omit it where it has one (Next fills it in only then).
   */
  images?: OpenGraphImages;
}

type OpenGraphImages = NonNullable<NonNullable<Metadata["openGraph"]>["images"]>;

/** Title, description, canonical URL, OpenGraph and Twitter card for a page anyone may read. */
export function previewMetadata({ title, description, path, profile, images }: PreviewMetadataInput): Metadata {
  const text = previewDescription(description);
  const common = {
    siteName: SITE_NAME,
    title,
    description: text,
    url: path,
    locale: "en_US",
    ...(images ? { images } : {}),
  };
  return {
    title,
    description: text,
    alternates: { canonical: path },
    openGraph: profile ? { ...common, type: "profile", username: profile.username } : { ...common, type: "website" },
    // Next copies og:image to twitter:image.
    twitter: { card: "summary_large_image", title, description: text },
  };
}

/** The site's own OpenGraph card: the root layout's default, and the home page's with its URL. */
export function siteOpenGraph() {
  return {
    type: "website",
    siteName: SITE_NAME,
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    locale: "en_US",
  } as const;
}

/** The site-wide defaults (root layout); pages without their own preview show these. */
export function siteMetadata(metadataBase: URL): Metadata {
  return {
    metadataBase,
    title: { default: SITE_TITLE, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    openGraph: siteOpenGraph(),
    twitter: { card: "summary_large_image", title: SITE_TITLE, description: SITE_DESCRIPTION },
  };
}

/**
 * For a room, member or topic that does not exist (or no longer does): the page's not-found
 * title, kept out of search indexes, and a preview that names nothing of what was asked for.
 */
export function notFoundMetadata(title: string): Metadata {
  return {
    title,
    robots: { index: false },
    openGraph: { type: "website", siteName: SITE_NAME, title, description: SITE_DESCRIPTION },
    twitter: { card: "summary", title, description: SITE_DESCRIPTION },
  };
}
