// Loads .env files the way Next.js does (.env, .env.local, .env.development …), so scripts see
// the same configuration as the app. @next/env is CommonJS, hence the default import.
import nextEnv from "@next/env";

export function loadDotEnv(dev = false): void {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => undefined, error: console.error });
}
