// Next.js configuration. Runtime settings (database, realtime, mail) are read from the
// environment at request time by lib/env.ts, so one build runs against any services.
import type { NextConfig } from "next";
import { MAX_REQUEST_BODY_BYTES } from "./lib/http/body-limits";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native binaries or dynamic requires that must stay in node_modules.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "nodemailer",
    "pusher",
    "pino",
    "pino-pretty",
    "prom-client",
    "@opentelemetry/api",
  ],
  // Each test or dev run may use its own build directory so that a production build for
  // the browser tests never collides with a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Test and benchmark builds (scripts/stack/next-build.ts) bring a tsconfig of their own and
  // leave type checking to `npm run check`.
  typescript: {
    tsconfigPath: process.env.NEXT_TSCONFIG_PATH || "tsconfig.json",
    ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1",
  },
  experimental: {
    // forbidden() from next/navigation, rendered by app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    // proxy.ts makes Next buffer each body before the route sees it: no more than any route reads.
    proxyClientMaxBodySize: MAX_REQUEST_BODY_BYTES,
  },
};

export default nextConfig;
