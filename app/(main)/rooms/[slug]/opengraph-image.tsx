// A room's link-preview picture: its name, topic, host and participant count on the site's colours.
// Drawn per request (names and counts change) with the font next/og ships: no network involved.
import { ImageResponse } from "next/og";
import { PREVIEW_IMAGE_SIZE, RoomPreviewImage } from "@/components/link-preview/preview-images";
import { findRoomPreview } from "@/lib/db/rooms";
import { SITE_NAME } from "@/lib/site/brand";
import { previewText } from "@/lib/site/preview-text";
import { siteUrl } from "@/lib/site/urls";
import { roomSlugParamSchema } from "@/lib/validation/rooms";

export const alt = `A room on ${SITE_NAME}`;
export const size = PREVIEW_IMAGE_SIZE;
export const contentType = "image/png";

/**
 * Previews are fetched once per share and cached by the sites that show them, so a short max-age keeps counts
 * fresh enough without drawing the picture on every request behind a CDN.
 */
const CACHE_CONTROL = "public, max-age=600, s-maxage=600, stale-while-revalidate=86400";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const slug = roomSlugParamSchema.safeParse((await params).slug);
  const room = slug.success ? await findRoomPreview({ slug: slug.data }) : null;
  if (!room)
    return new Response("No room has that address.", { status: 404, headers: { "Cache-Control": "no-store" } });
  const name = previewText(room.name, 80) || "A room";
  return new ImageResponse(
    <RoomPreviewImage
      name={name}
      topic={previewText(room.topicName, 40)}
      // Two lines under a one-line name; one under a name that wraps.
      description={previewText(room.description, name.length > 40 ? 70 : 140)}
      hostName={room.hostName === null ? null : previewText(room.hostName, 40) || null}
      participantCount={room.participantCount}
      host={previewText(siteUrl().host, 40)}
    />,
    { ...size, headers: { "Cache-Control": CACHE_CONTROL } },
  );
}
