// Which Chromium the browser tests launch (e2e/support/chromium.ts): the configured one, then
// Debian's, then the npm package's; and one clear line when none can be had.
import { describe, expect, it } from "vitest";
import {
  chooseChromium,
  NoChromiumError,
  SYSTEM_CHROMIUM,
  SYSTEM_HEADLESS_SHELL,
  type ChromiumProbe,
} from "../../e2e/support/chromium";

function probe({
  env = {},
  executables = [],
  npm,
}: {
  env?: Record<string, string>;
  executables?: string[];
  npm?: string | Error;
}): ChromiumProbe & { npmCalls: number } {
  const state = {
    env,
    npmCalls: 0,
    isExecutable: (file: string) => executables.includes(file),
    npmChromium: async () => {
      state.npmCalls++;
      if (npm instanceof Error || npm === undefined)
        throw npm ?? new Error("Cannot find package '@sparticuz/chromium'");
      return npm;
    },
  };
  return state;
}

describe("chooseChromium", () => {
  it("takes CHROMIUM_PATH first, without unpacking the npm build", async () => {
    const p = probe({
      env: { CHROMIUM_PATH: "/opt/chrome/chrome" },
      executables: ["/opt/chrome/chrome", SYSTEM_CHROMIUM],
      npm: "/tmp/chromium",
    });
    expect(await chooseChromium(p)).toMatchObject({ source: "CHROMIUM_PATH", executablePath: "/opt/chrome/chrome" });
    expect(p.npmCalls).toBe(0);
  });

  it("refuses a CHROMIUM_PATH that is not an executable, naming the variable", async () => {
    const p = probe({ env: { CHROMIUM_PATH: "/nope/chromium" }, executables: [SYSTEM_CHROMIUM], npm: "/tmp/chromium" });
    const error = await chooseChromium(p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoChromiumError);
    expect((error as Error).message).toBe(
      "CHROMIUM_PATH=/nope/chromium is not an executable file: fix or unset CHROMIUM_PATH",
    );
  });

  it("uses Debian's Chromium when there is one", async () => {
    const p = probe({ executables: [SYSTEM_CHROMIUM], npm: "/tmp/chromium" });
    expect(await chooseChromium(p)).toEqual({ source: "system", executablePath: SYSTEM_CHROMIUM, env: {} });
    expect(p.npmCalls).toBe(0);
  });

  it("prefers Debian's headless shell to its full browser when both are installed", async () => {
    const p = probe({ executables: [SYSTEM_CHROMIUM, SYSTEM_HEADLESS_SHELL], npm: "/tmp/chromium" });
    expect(await chooseChromium(p)).toEqual({ source: "system", executablePath: SYSTEM_HEADLESS_SHELL, env: {} });
  });

  it("falls back to the npm package's Chromium when the system has none", async () => {
    const p = probe({ npm: "/tmp/chromium" });
    expect(await chooseChromium(p)).toMatchObject({ source: "npm", executablePath: "/tmp/chromium" });
  });

  it("E2E_CHROMIUM=npm takes the npm build even beside Debian's", async () => {
    const p = probe({
      env: { E2E_CHROMIUM: "npm", CHROMIUM_PATH: SYSTEM_CHROMIUM },
      executables: [SYSTEM_CHROMIUM],
      npm: "/tmp/chromium",
    });
    expect(await chooseChromium(p)).toMatchObject({ source: "npm" });
  });

  it("says in one line what to do when no browser can be had", async () => {
    const error = await chooseChromium(probe({ npm: new Error("unsupported platform: darwin\n  at …") })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoChromiumError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toContain("unsupported platform: darwin");
    expect(message).toContain("CHROMIUM_PATH");
  });

  it("refuses an unknown E2E_CHROMIUM", async () => {
    await expect(chooseChromium(probe({ env: { E2E_CHROMIUM: "firefox" } }))).rejects.toThrow(
      'E2E_CHROMIUM must be "npm" or "auto" (got "firefox")',
    );
  });
});

describe("the npm package's Chromium on this machine", () => {
  it("unpacks to an executable file", async () => {
    const choice = await chooseChromium({
      env: { E2E_CHROMIUM: "npm" },
      isExecutable: () => false,
      npmChromium: async () => (await import("@sparticuz/chromium")).default.executablePath(),
    });
    expect(choice.source).toBe("npm");
    const { isExecutableFile } = await import("../../e2e/support/chromium");
    expect(isExecutableFile(choice.executablePath)).toBe(true);
  });
});
