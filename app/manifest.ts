// The web app manifest (/manifest.webmanifest): lets browsers install Roomful as an app, with the
// mark's icons (scripts/generate-icons.ts makes the PNGs) and the UI's own colours.
import type { MetadataRoute } from "next";
import { BRAND_COLORS, SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from "@/lib/site/brand";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: SITE_TITLE,
    short_name: SITE_NAME,
    description: SITE_DESCRIPTION,
    start_url: "/",
    scope: "/",
    display: "standalone",
    // The light theme's header and page (the dark theme follows the system inside the app).
    theme_color: BRAND_COLORS.surface,
    background_color: BRAND_COLORS.canvas,
    categories: ["social"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
