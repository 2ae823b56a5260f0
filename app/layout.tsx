import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Suspense, type ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { FLASH_COOKIE, readFlash } from "@/lib/flash";
import { FlashToast, ToastProvider } from "@/components/ui/toast";
import { VerifyBanner } from "@/components/verify-banner";
import { getCurrentUserForChrome } from "@/lib/auth/session";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { siteMetadata } from "@/lib/site/metadata";
import { siteUrl } from "@/lib/site/urls";
import "./globals.css";

/**
 * metadataBase is APP_URL read per request, not at build, so preview and canonical URLs are absolute on whatever
 * domain this build runs. Icons: app/icon.svg, apple-icon.png, favicon.ico; preview image: app/opengraph-image.tsx.
 */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return siteMetadata(siteUrl());
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111a2e" },
  ],
};

export interface RootLayoutProps {
  children: ReactNode;
}

export default async function RootLayout({ children }: RootLayoutProps) {
  // Starts the session lookup now (cached per request) without waiting for it: the header, the
  // banner and the page each await it inside their own boundaries, so the first byte does not.
  const [flash, signedIn] = await Promise.all([readFlash(), hasSessionCookie()]);
  if (signedIn) void getCurrentUserForChrome();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans">
        <a
          href="#main"
          className="sr-only rounded-lg bg-accent text-sm font-semibold text-on-accent shadow-lg focus:not-sr-only focus:px-4 focus:py-2.5 focus:fixed focus:top-3 focus:left-3 focus:z-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          Skip to content
        </a>
        <ToastProvider>
          <QueryProvider>
            {/* Live channels need a signed-in member; the connection opens only when a page asks.
                Offered to anyone with a session cookie: a stale one never connects, since only
                pages with a signed-in member ask for channels (and channel auth checks again). */}
            <RealtimeProvider config={publicRealtimeConfig()}>
              <SiteHeader hasSession={signedIn} />
              {signedIn ? (
                <Suspense fallback={null}>
                  <UnverifiedBanner />
                </Suspense>
              ) : null}
              {/* tabIndex lets the skip link move focus here, not only scroll. */}
              <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
                {children}
              </main>
              <SiteFooter />
              <FlashToast flash={flash} cookieName={FLASH_COOKIE} />
            </RealtimeProvider>
          </QueryProvider>
        </ToastProvider>
      </body>
    </html>
  );
}

/** "Please confirm your email address" for a member who has not yet; streamed like the header. */
async function UnverifiedBanner() {
  const user = await getCurrentUserForChrome();
  return user && !user.emailVerified ? <VerifyBanner email={user.email} /> : null;
}
