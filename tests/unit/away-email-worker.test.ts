// The away-email worker loop (lib/notifications/away-email-worker.ts): ticks again and again, one at a time, survives
// a tick that throws, and stops once the process drains for shutdown or its stop function is called.
import { afterEach, describe, expect, it } from "vitest";
import { awayEmailWorkerRunning, startAwayEmailWorker } from "@/lib/notifications/away-email-worker";
import type { AwayEmailTickReport } from "@/lib/notifications/away-emails";
import { startDraining, stopDraining } from "@/lib/observability/shutdown";
import { waitFor } from "../support/wait-for";

const IDLE: AwayEmailTickReport = { found: 0, settled: 0, sent: 0, failed: 0, busy: 0 };
let stopWorker: (() => void) | undefined;

afterEach(() => {
  stopWorker?.();
  stopDraining();
});

/** A tick that takes `ms`, counting calls and how many ran at once; the `failOn`-th call throws. */
function countingTick(ms: number, failOn = 0) {
  const seen = { calls: 0, running: 0, most: 0 };
  const tick = async () => {
    seen.calls += 1;
    seen.running += 1;
    seen.most = Math.max(seen.most, seen.running);
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (seen.calls === failOn) throw new Error("mail server on fire");
      return IDLE;
    } finally {
      seen.running -= 1;
    }
  };
  return { seen, tick };
}

describe("away-email worker", () => {
  it("ticks repeatedly, never two at once, and keeps going after a tick throws", async () => {
    const { seen, tick } = countingTick(30, 2);
    stopWorker = startAwayEmailWorker({ pollMs: 10, tick });
    await waitFor(() => seen.calls >= 5, { what: "five ticks" });
    expect(seen.most).toBe(1);
  });

  it("stops once the process drains, and when told to", async () => {
    const first = countingTick(1);
    stopWorker = startAwayEmailWorker({ pollMs: 10, tick: first.tick });
    expect(awayEmailWorkerRunning()).toBe(true);
    await waitFor(() => first.seen.calls >= 2, { what: "two ticks" });
    startDraining();
    await waitFor(() => !awayEmailWorkerRunning(), { what: "the worker to stop on draining" });
    const drained = first.seen.calls;

    // Another worker's ticks show time passing; the drained one ticks no more.
    stopDraining();
    const second = countingTick(1);
    stopWorker = startAwayEmailWorker({ pollMs: 10, tick: second.tick });
    await waitFor(() => second.seen.calls >= 3, { what: "the next worker's ticks" });
    expect(first.seen.calls).toBe(drained);

    stopWorker();
    expect(awayEmailWorkerRunning()).toBe(false);
    const stoppedAt = second.seen.calls;
    const third = countingTick(1);
    stopWorker = startAwayEmailWorker({ pollMs: 10, tick: third.tick });
    await waitFor(() => third.seen.calls >= 3, { what: "a third worker's ticks" });
    expect(second.seen.calls).toBe(stoppedAt);
  });
});
