// Which Chromium the browser tests drive: CHROMIUM_PATH when set, then Debian's (its headless shell
// first, then the browser), then the build shipped inside the npm package @sparticuz/chromium, so a
// bare Node machine can test.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** Debian's chromium-headless-shell: the same build without the full browser's window machinery,
 *  which is what Playwright itself drives headless; the suite runs in about three quarters of the time. */
export const SYSTEM_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

/** Flags for any of them: headless on a closed network, as root, without a GPU. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export type ChromiumSource = "CHROMIUM_PATH" | "system" | "npm";

export interface ChromiumChoice {
  source: ChromiumSource;
  executablePath: string;
  /** Extra environment the browser needs (the npm build's own fonts). */
  env: Record<string, string>;
}

/** A browser cannot be had: the message is one line that says what to do. */
export class NoChromiumError extends Error {
  override name = "NoChromiumError";
}

export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  isExecutable(file: string): boolean;
  /** Unpacks the npm package's Chromium (once) and returns its path; throws when it cannot. */
  npmChromium(): Promise<string>;
}

export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

async function unpackNpmChromium(): Promise<string> {
  const { default: chromium } = await import("@sparticuz/chromium");
  return chromium.executablePath();
}

export const realProbe: ChromiumProbe = {
  env: process.env,
  isExecutable: isExecutableFile,
  npmChromium: unpackNpmChromium,
};

/**
 * `E2E_CHROMIUM=npm` skips the first two, so CI can run specs on the npm build even where
 * Debian's is installed.
 */
export async function chooseChromium(probe: ChromiumProbe = realProbe): Promise<ChromiumChoice> {
  const forced = probe.env.E2E_CHROMIUM;
  if (forced !== undefined && forced !== "" && forced !== "npm" && forced !== "auto") {
    throw new NoChromiumError(`E2E_CHROMIUM must be "npm" or "auto" (got "${forced}")`);
  }
  if (forced !== "npm") {
    const configured = probe.env.CHROMIUM_PATH;
    if (configured) {
      if (!probe.isExecutable(configured)) {
        throw new NoChromiumError(`CHROMIUM_PATH=${configured} is not an executable file: fix or unset CHROMIUM_PATH`);
      }
      return { source: "CHROMIUM_PATH", executablePath: configured, env: {} };
    }
    for (const system of [SYSTEM_HEADLESS_SHELL, SYSTEM_CHROMIUM]) {
      if (probe.isExecutable(system)) return { source: "system", executablePath: system, env: {} };
    }
  }
  let executablePath: string;
  try {
    executablePath = await probe.npmChromium();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new NoChromiumError(
      `No Chromium for the browser tests: no ${SYSTEM_CHROMIUM}, CHROMIUM_PATH unset, and the npm package @sparticuz/chromium failed (${reason}); install Debian's chromium or set CHROMIUM_PATH`,
    );
  }
  // The npm build brings its fonts next to the binary; without them pages render in boxes.
  const fonts = path.join(path.dirname(executablePath), "fonts");
  return { source: "npm", executablePath, env: isDirectory(fonts) ? { FONTCONFIG_PATH: fonts } : {} };
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
