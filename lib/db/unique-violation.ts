// Prisma's P2002: a unique index refused a write, which is how a race lost to another writer shows.
import "server-only";

/** Whether `error` is a unique-constraint violation, on `column` when one is named. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Error && "code" in error && error.code === "P2002")) return false;
  return column === undefined || JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes(column);
}
