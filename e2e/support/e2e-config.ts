// Settings shared by the Playwright config, its global setup and the specs.
import { portFromEnv } from "../../scripts/stack/ports";

/** Where the production build under test listens. */
export const E2E_PORT = portFromEnv("E2E_PORT", 3100);

/** The build directory for the browser tests, apart from `next dev`'s. */
export const E2E_DIST_DIR = ".next-e2e";
