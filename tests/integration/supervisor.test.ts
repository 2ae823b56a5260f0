// `npm run dev` notices a piece dying (scripts/stack/supervisor.ts): a killed service is named with how it ended and
// its last output, and started again on the same port; one that keeps dying is given up on, with a message saying
// why, and left stopped. The real stack's pieces (the mail catcher, embedded PostgreSQL) are watched the same way.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { spawnService, type ChildService } from "@/scripts/stack/child-service";
import { startLocalStack, type LocalStack } from "@/scripts/stack/local-stack";
import { freePort, StackError, waitForPort } from "@/scripts/stack/ports";
import { supervise, type Supervised } from "@/scripts/stack/supervisor";
import { eventually, waitFor } from "../support/wait-for";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

/** A tiny server on `port`: says so, and (with `dieAfterMs`) prints an error and exits with code 3. */
function tinyServer(port: number, dieAfterMs?: number): Promise<ChildService> {
  const script = `
    const server = require("node:net").createServer((socket) => socket.on("error", () => {}).end("hi"));
    server.listen(${port}, "127.0.0.1", () => console.log("tiny server listening on ${port}"));
    ${dieAfterMs === undefined ? "" : `setTimeout(() => { console.error("boom: the tiny server broke"); process.exit(3); }, ${dieAfterMs});`}
  `;
  return spawnService({
    name: "tiny",
    command: process.execPath,
    args: ["-e", script],
    ready: () => waitForPort(port, "127.0.0.1", 5_000),
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) throw new Error("no pid");
  process.kill(-pid, "SIGKILL");
}

describe("supervise", () => {
  it("says which piece died and how, and starts it again on the same port", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const gaveUp: StackError[] = [];
    const watched: Supervised<ChildService> = supervise(await tinyServer(port), {
      name: `tiny server (port ${port})`,
      restart: () => tinyServer(port),
      backoffMs: () => 50,
      log: (line) => lines.push(line),
      onGiveUp: (error) => gaveUp.push(error),
    });
    cleanup.push(() => watched.stop());
    const firstPid = watched.current.process.pid;
    // The port opens before the server's line reaches our end of the pipe: the report can only quote what arrived.
    await waitFor(() => watched.current.recentOutput().includes("listening"), { what: "the server's first line" });

    killGroup(firstPid);
    await waitFor(() => watched.restarts === 1, { what: "the restart" });
    expect(watched.current.process.pid).not.toBe(firstPid);
    expect(await answers(port)).toBe(true);
    const said = lines.join("\n");
    expect(said).toContain(`tiny server (port ${port}) stopped unexpectedly (signal SIGKILL)`);
    expect(said).toContain(`| tiny server listening on ${port}`);
    expect(said).toContain("attempt 1 of 3");
    expect(said).toContain(`tiny server (port ${port}) is running again.`);
    expect(gaveUp).toEqual([]);

    // A stop is not a death: nothing is said and nothing restarts.
    const before = lines.length;
    await watched.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.length).toBe(before);
    expect(await answers(port)).toBe(false);
  });

  it("gives up on a piece that keeps dying, saying why, and leaves it stopped", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const dying = () => tinyServer(port, 300);
    let reported: ((error: StackError) => void) | undefined;
    const gaveUp = new Promise<StackError>((resolve) => (reported = resolve));
    const watched = supervise(await dying(), {
      name: `tiny server (port ${port})`,
      restart: dying,
      maxRestarts: 3,
      backoffMs: (attempt) => 20 * attempt,
      log: (line) => lines.push(line),
      onGiveUp: (error) => reported?.(error),
    });
    cleanup.push(() => watched.stop());

    const error = await gaveUp;
    expect(error).toBeInstanceOf(StackError);
    expect(error.message).toMatch(
      new RegExp(`^tiny server \\(port ${port}\\) keeps stopping and could not be restarted \\(3 attempts; last: `),
    );
    expect(error.message).toContain("Stopping everything");
    const said = lines.join("\n");
    expect(said).toContain("stopped unexpectedly (exit code 3)");
    expect(said).toContain("| boom: the tiny server broke");
    expect(said).toContain("attempt 3 of 3");
    expect(said).not.toContain("attempt 4");
    expect(await answers(port)).toBe(false);
  });
});

describe("startLocalStack with supervise", () => {
  it("restarts the mail catcher and embedded PostgreSQL when they die, on their ports", async () => {
    const [postgres, smtp, mailWeb] = [await freePort(), await freePort(), await freePort()];
    const dataDir = mkdtempSync(path.join(tmpdir(), "roomful-supervised-"));
    chmodSync(dataDir, 0o755);
    const lines: string[] = [];
    const gaveUp: StackError[] = [];
    const stack: LocalStack = await startLocalStack({
      // soketi is "configured", so not started: this test is about the other two.
      env: { PUSHER_APP_ID: "x", PUSHER_KEY: "x", PUSHER_SECRET: "x" },
      dataDir,
      ports: { postgres, soketi: await freePort(), soketiCluster: await freePort(), smtp, mailWeb },
      databaseName: "roomful",
      fastPostgres: true,
      supervise: { log: (line) => lines.push(line), onGiveUp: (error) => gaveUp.push(error) },
    });
    cleanup.push(() => stack.stop());

    killGroup(await eventually(() => pidOf(`--smtp ${smtp} `), { what: "maildev's pid" }));
    await waitFor(() => lines.some((line) => line.includes(`the mail catcher (port ${smtp}) is running again.`)), {
      timeoutMs: 20_000,
      what: "maildev's restart",
    });
    expect(lines.join("\n")).toContain(`the mail catcher (port ${smtp}) stopped unexpectedly (signal SIGKILL)`);
    expect(await answers(smtp)).toBe(true);

    const dataIn = /\(data in (.+)\)$/.exec(stack.describe.database)?.[1] ?? "";
    const postmaster = Number(readFileSync(path.join(dataIn, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    await waitFor(
      () => lines.some((line) => line.includes(`embedded PostgreSQL (port ${postgres}) is running again.`)),
      { timeoutMs: 30_000, what: "PostgreSQL's restart" },
    );
    expect(lines.join("\n")).toContain(`embedded PostgreSQL (port ${postgres}) stopped unexpectedly (signal SIGKILL)`);
    expect(await answers(postgres)).toBe(true);
    expect(gaveUp).toEqual([]);
  }, 60_000);
});

/** The pid of the one process whose command line contains `needle` (the test's own ports make it unique). */
function pidOf(needle: string): number | undefined {
  const rows = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
  const row = rows.find((line) => line.includes(needle) && !line.includes("ps -eo"));
  return row ? Number(row.trim().split(/\s+/)[0]) : undefined;
}
