// The 1200 × 630 pictures shown with links to Roomful (app/opengraph-image.tsx and the room's).
// They are drawn by next/og (Satori), not a browser: inline styles only, every element with more
// than one child is a flex box, and text must come through previewText (lib/site/preview-text.ts).
import type { ReactElement } from "react";
import { BRAND_COLORS, markSvg, SITE_NAME } from "@/lib/site/brand";

export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;

const MARK_SRC = `data:image/svg+xml;base64,${btoa(markSvg())}`;

const frame = {
  width: "100%",
  height: "100%",
  display: "flex",
  flexDirection: "column",
  padding: "64px 80px",
  color: "#ffffff",
  backgroundColor: BRAND_COLORS.accent,
  backgroundImage: `linear-gradient(135deg, #312e81 0%, ${BRAND_COLORS.accent} 55%, #7c3aed 100%)`,
  fontSize: 32,
} as const;

function Brand({ host }: { host?: string }) {
  return (
    <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", width: "100%" }}>
      <div style={{ display: "flex", alignItems: "center" }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- drawn by Satori, not a browser */}
        <img
          src={MARK_SRC}
          width={64}
          height={64}
          alt=""
          style={{ borderRadius: 18, border: "2px solid rgba(255,255,255,0.35)" }}
        />
        <div style={{ marginLeft: 20, fontSize: 40, letterSpacing: -0.5 }}>{SITE_NAME}</div>
      </div>
      {host ? <div style={{ display: "flex", fontSize: 28, color: "rgba(255,255,255,0.75)" }}>{host}</div> : null}
    </div>
  );
}

export interface RoomPreviewImageProps {
  /** Every text already through previewText: only characters the image font draws. */
  name: string;
  topic: string;
  description: string;
  hostName: string | null;
  participantCount: number;
  /** The site's domain (from APP_URL), shown in the corner. */
  host: string;
}

export function RoomPreviewImage({
  name,
  topic,
  description,
  hostName,
  participantCount,
  host,
}: RoomPreviewImageProps): ReactElement {
  const people = `${participantCount.toLocaleString("en-US")} ${participantCount === 1 ? "participant" : "participants"}`;
  return (
    <div style={frame}>
      <Brand host={host} />
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", flexGrow: 1, marginTop: 24 }}>
        {topic ? (
          <div style={{ display: "flex" }}>
            <div
              style={{
                display: "flex",
                padding: "8px 22px",
                borderRadius: 999,
                backgroundColor: "rgba(255,255,255,0.16)",
                fontSize: 28,
              }}
            >
              {`# ${topic}`}
            </div>
          </div>
        ) : null}
        <div
          style={{
            display: "flex",
            marginTop: 28,
            fontSize: name.length > 40 ? 60 : 76,
            lineHeight: 1.1,
            letterSpacing: -1.5,
          }}
        >
          {name}
        </div>
        {description ? (
          <div
            style={{ display: "flex", marginTop: 24, fontSize: 30, lineHeight: 1.35, color: "rgba(255,255,255,0.8)" }}
          >
            {description}
          </div>
        ) : null}
      </div>
      <div
        style={{ display: "flex", alignItems: "center", marginTop: 16, fontSize: 30, color: "rgba(255,255,255,0.9)" }}
      >
        {hostName ? <div style={{ display: "flex" }}>{`Hosted by ${hostName}`}</div> : null}
        {hostName ? <div style={{ display: "flex", margin: "0 18px", color: "rgba(255,255,255,0.5)" }}>·</div> : null}
        <div style={{ display: "flex" }}>{people}</div>
      </div>
    </div>
  );
}

export interface SitePreviewImageProps {
  tagline: string;
  description: string;
}

/** The site's own picture: made once at build time, so it names no domain. */
export function SitePreviewImage({ tagline, description }: SitePreviewImageProps): ReactElement {
  return (
    <div style={frame}>
      <Brand />
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", flexGrow: 1 }}>
        <div style={{ display: "flex", fontSize: 84, lineHeight: 1.05, letterSpacing: -2 }}>{tagline}</div>
        <div
          style={{
            display: "flex",
            marginTop: 28,
            fontSize: 34,
            lineHeight: 1.35,
            color: "rgba(255,255,255,0.8)",
            maxWidth: 900,
          }}
        >
          {description}
        </div>
      </div>
    </div>
  );
}
