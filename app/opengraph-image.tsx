// The site's link-preview picture, for every page without its own (a room has its own). Static:
// made once by `next build` with the font next/og ships, so it needs no network.
import { ImageResponse } from "next/og";
import { PREVIEW_IMAGE_SIZE, SitePreviewImage } from "@/components/link-preview/preview-images";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site/brand";

export const alt = `${SITE_NAME}: topic rooms with live chat`;
export const size = PREVIEW_IMAGE_SIZE;
export const contentType = "image/png";

export default function Image() {
  return new ImageResponse(
    <SitePreviewImage tagline="Topic rooms with live chat" description={SITE_DESCRIPTION} />,
    size,
  );
}
