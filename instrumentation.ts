// Runs once when a Next.js server starts. The check lives in a Node-only module, imported only
// on the Node.js runtime, so the Edge bundle never sees process.exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./lib/env-check");
    checkEnvOrExit();
  }
}
