// The benchmarks' client loop: a fixed number of workers taking the next piece of work until none is left (HTTP
// requests, sign-ins, reader connections), so a run keeps exactly `concurrency` of them in flight.

/** Runs `work` for 0…count-1, `concurrency` at a time, keeping the results in order. */
export async function inBatches<T>(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

/** Times a GET of each path (the whole body read), `concurrency` at a time; throws on an error status. */
export async function timedGets(
  baseUrl: string,
  paths: string[],
  { concurrency, headers }: { concurrency: number; headers?: Record<string, string> },
): Promise<number[]> {
  return inBatches(paths.length, concurrency, async (index) => {
    const path = paths[index] ?? "/";
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - started;
  });
}
