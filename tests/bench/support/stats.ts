// What every benchmark prints: nearest-rank percentiles in milliseconds, and its settings read from the environment.
import { StackError } from "../../../scripts/stack/ports";

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const sortNumbers = (values: number[]) => [...values].sort((a, b) => a - b);

/** "p50 … p95 … p99 … (max …)" of unsorted values. */
export function stats(values: number[]): string {
  const sorted = sortNumbers(values);
  return `p50 ${ms(percentile(sorted, 50))}   p95 ${ms(percentile(sorted, 95))}   p99 ${ms(percentile(sorted, 99))}   (max ${ms(sorted.at(-1) ?? 0)})`;
}

/** A whole number ≥ `min` (1 unless told) from the environment, or `fallback` when unset. */
export function count(variable: string, fallback: number, { min = 1 } = {}): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new StackError(`${variable} must be a whole number ≥ ${min} (got "${raw}").`);
  return value;
}
