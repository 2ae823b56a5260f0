// Waiting on a condition, never a fixed sleep: poll until it holds, or fail naming what was awaited.

export interface WaitOptions {
  timeoutMs?: number;
  /** Named in the timeout's error, e.g. "2 online". */
  what?: string;
  intervalMs?: number;
}

/** Resolves with the first value `read` returns that is not undefined. */
export async function eventually<T>(
  read: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 5_000, what = "the condition", intervalMs = 50 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves once `condition` holds. */
export async function waitFor(condition: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  await eventually(async () => ((await condition()) ? true : undefined), options);
}
