// Starts everything the browser tests need: a fresh database on the embedded (or
// TEST_DATABASE_URL's) server, soketi and maildev on free ports, a local OpenID Connect issuer,
// a production build and `next start`. Returns the teardown, which stops it all.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { withDatabase } from "../../lib/db/connection";
import type { ChildService } from "../../scripts/stack/child-service";
import { applyMigrations, ensureDatabase, quoteIdent, withClient } from "../../scripts/stack/database";
import { buildNext } from "../../scripts/stack/next-build";
import { startNext } from "../../scripts/stack/next-server";
import { assertPortFree } from "../../scripts/stack/ports";
import { runSeed } from "../../scripts/stack/seed-if-empty";
import { startTestStack, type SoketiControl } from "../../scripts/stack/test-stack";
import { chooseChromium } from "./chromium";
import { E2E_DIST_DIR, E2E_PORT, E2E_PRESENCE_LIMIT } from "./e2e-config";
import { OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET, startOidcIssuer, type RunningOidcIssuer } from "./oidc-issuer";

/**
 * A loopback HTTP server through which specs stop and start the run's soketi
 * (POST /soketi/stop, POST /soketi/start; see e2e/support/chat-control.ts).
 */
async function startControlServer(soketi: SoketiControl): Promise<Server> {
  const server = createServer((request, response) => {
    const action = request.method === "POST" ? /^\/soketi\/(stop|start)$/.exec(request.url ?? "")?.[1] : undefined;
    if (!action) {
      response.writeHead(404).end();
      return;
    }
    (action === "stop" ? soketi.stop() : soketi.start()).then(
      () => response.writeHead(204).end(),
      (error: unknown) => response.writeHead(500, { "Content-Type": "text/plain" }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  await assertPortFree(E2E_PORT, "the browser tests' app", "E2E_PORT");
  const browser = await chooseChromium();
  console.log(
    `Browser: ${browser.source === "npm" ? "Chromium from the npm package @sparticuz/chromium" : "Chromium"} at ${browser.executablePath}`,
  );
  // soketi tells the app who comes and goes (presence webhooks), as in production.
  const { stack, ports, serverUrl, soketi } = await startTestStack("e2e", {
    webhookUrl: `http://127.0.0.1:${E2E_PORT}/api/pusher/webhook`,
    controlSoketi: true,
    presenceLimit: E2E_PRESENCE_LIMIT,
  });
  const databaseName = `roomful_e2e_${Date.now().toString(36)}`;
  const databaseUrl = withDatabase(serverUrl, databaseName);
  let next: ChildService | undefined;
  let oidcIssuer: RunningOidcIssuer | undefined;
  let control: Server | undefined;

  const teardown = async () => {
    control?.closeAllConnections();
    await new Promise((resolve) => (control ? control.close(resolve) : resolve(undefined)));
    await next?.stop();
    await oidcIssuer?.stop().catch((error: unknown) => console.error(error));
    await withClient(serverUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`),
    ).catch((error: unknown) => console.error(error));
    await stack.stop();
  };

  try {
    await ensureDatabase(databaseUrl);
    await applyMigrations(databaseUrl);
    await runSeed(databaseUrl);
    oidcIssuer = await startOidcIssuer();

    const appEnv = {
      ...stack.env,
      DATABASE_URL: databaseUrl,
      APP_URL: `http://127.0.0.1:${E2E_PORT}`,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      NEXT_DIST_DIR: E2E_DIST_DIR,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Specs give each browser context an address of its own in X-Forwarded-For, as a proxy would.
      TRUST_PROXY_HOPS: "1",
      // Away emails within the specs' patience; their subjects differ from every mail other specs wait for.
      AWAY_EMAIL_DELAY_MS: "2000",
      AWAY_EMAIL_POLL_MS: "300",
      // Focus sessions with phases of seconds (focus at least 5 s, breaks 1 s), announced within half a second.
      FOCUS_MIN_PHASE_SECONDS: "1",
      FOCUS_POLL_MS: "500",
      OAUTH_TEST_ISSUER: oidcIssuer.url,
      OAUTH_TEST_CLIENT_ID: OIDC_TEST_CLIENT_ID,
      OAUTH_TEST_CLIENT_SECRET: OIDC_TEST_CLIENT_SECRET,
    };
    if (process.env.E2E_SKIP_BUILD !== "1") await buildNext(E2E_DIST_DIR, { ...process.env, ...appEnv });
    next = await startNext({ mode: "start", port: E2E_PORT, env: appEnv, inheritOutput: false });

    // What the specs need to reach the same services.
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_MAIL_API_URL = `http://127.0.0.1:${ports.mailWeb}`;
    process.env.E2E_PUSHER_PORT = String(ports.soketi);
    process.env.E2E_OIDC_ISSUER_URL = oidcIssuer.url;
    if (soketi) {
      control = await startControlServer(soketi);
      process.env.E2E_CONTROL_URL = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
    }
  } catch (error) {
    if (next) console.error(next.recentOutput());
    await teardown();
    throw error;
  }
  return teardown;
}
