// Settings shared by the Playwright config, its global setup and the specs.
import { portFromEnv } from "../../scripts/stack/ports";

/** Where the production build under test listens. */
export const E2E_PORT = portFromEnv("E2E_PORT", 3100);

/** The build directory for the browser tests, apart from `next dev`'s (and per port, so that
 *  two runs on different E2E_PORTs can build side by side). */
export const E2E_DIST_DIR = E2E_PORT === 3100 ? ".next-e2e" : `.next-e2e-${E2E_PORT}`;

/** Members a room's presence channel holds in the browser tests: low, so a room past it takes five people. */
export const E2E_PRESENCE_LIMIT = 3;
