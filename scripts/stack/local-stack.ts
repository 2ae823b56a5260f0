// Starts whatever part of the local stack is not configured: embedded PostgreSQL when
// DATABASE_URL is unset, soketi when the Pusher variables are unset, the mail catcher when
// SMTP_URL is unset. Used by `npm run dev` and by the test harnesses. With `supervise`, each piece it started is
// watched and restarted on its port when it dies (./supervisor.ts).
import path from "node:path";
import { withDatabase } from "../../lib/db/connection";
import type { ChildService, EnvVars } from "./child-service";
import { startMaildev } from "./maildev";
import { assertPortFree, StackError } from "./ports";
import { ensureDatabase } from "./database";
import { prepareDataDir, startEmbeddedPostgres, type RunningPostgres } from "./postgres";
import { localSoketiEnv, startLocalSoketi } from "./soketi";
import { supervise, type SuperviseOptions, type WatchedPiece } from "./supervisor";

export interface StackPorts {
  postgres: number;
  soketi: number;
  soketiCluster: number;
  smtp: number;
  mailWeb: number;
}

export interface LocalStackOptions {
  /** The configured environment; pieces it already points at are not started. */
  env: EnvVars;
  /** Holds the embedded cluster (`<dataDir>/postgres`) and generated config. */
  dataDir: string;
  ports: StackPorts;
  /** Name of the app database on the embedded server. */
  databaseName: string;
  /** fsync off and the like: for throwaway test clusters. */
  fastPostgres?: boolean;
  /** Where soketi posts presence webhooks. */
  webhookUrl?: string;
  /** Restart a piece that dies; `onGiveUp` is told when one cannot be kept running. */
  supervise?: Pick<SuperviseOptions<WatchedPiece>, "onGiveUp" | "log" | "maxRestarts" | "backoffMs" | "stableMs">;
}

export interface LocalStack {
  /** Variables to hand to the app so it uses these services. */
  env: Record<string, string>;
  /** One line per piece, for the start-up banner; `databaseNote` says why the data is elsewhere. */
  describe: { database: string; databaseNote?: string; realtime: string; mail: string; inbox?: string };
  stop(): Promise<void>;
}

export const DEV_PORTS: StackPorts = {
  postgres: 54329,
  soketi: 6001,
  soketiCluster: 11002,
  smtp: 1025,
  mailWeb: 1080,
};

/** The variables that move each port of `npm run dev`, named in port-clash errors. */
export const PORT_VARIABLES = {
  postgres: "EMBEDDED_PG_PORT",
  soketi: "SOKETI_PORT",
  smtp: "MAILDEV_SMTP_PORT",
  mailWeb: "MAILDEV_WEB_PORT",
} as const;

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { env, ports } = options;
  const wantPostgres = !env.DATABASE_URL;
  const wantSoketi = !(env.PUSHER_APP_ID && env.PUSHER_KEY && env.PUSHER_SECRET);
  const wantMail = !env.SMTP_URL;

  // Check every port first so that a clash stops us before anything has started.
  const postgresDir = path.join(options.dataDir, "postgres");
  if (wantPostgres) await prepareDataDir(postgresDir);
  if (wantPostgres) await assertPortFree(ports.postgres, "embedded PostgreSQL", PORT_VARIABLES.postgres);
  if (wantSoketi) await assertPortFree(ports.soketi, "soketi", PORT_VARIABLES.soketi);
  if (wantMail) {
    await assertPortFree(ports.smtp, "mail catcher SMTP", PORT_VARIABLES.smtp);
    await assertPortFree(ports.mailWeb, "mail catcher inbox", PORT_VARIABLES.mailWeb);
  }

  const started: Array<{ stop(): Promise<void> }> = [];
  const stop = async () => {
    await Promise.allSettled(
      started
        .splice(0)
        .reverse()
        .map((s) => s.stop()),
    );
  };

  /** The piece, watched when supervising: what `started` stops is then the current instance, whichever it is. */
  const watched = <P extends WatchedPiece>(
    first: P,
    name: string,
    restart: () => Promise<P>,
  ): { stop(): Promise<void> } =>
    options.supervise ? supervise(first, { ...options.supervise, name, restart }) : first;
  const postgresOptions = {
    dataDir: postgresDir,
    port: ports.postgres,
    portVariable: PORT_VARIABLES.postgres,
    fast: options.fastPostgres,
  };
  const soketiOptions = {
    port: ports.soketi,
    clusterPort: ports.soketiCluster,
    configDir: options.dataDir,
    webhookUrl: options.webhookUrl,
  };
  const maildevOptions = { smtpPort: ports.smtp, webPort: ports.mailWeb };

  const resultEnv: Record<string, string> = {};
  const describe: LocalStack["describe"] = { database: "", realtime: "", mail: "" };
  try {
    const tasks: Array<Promise<void>> = [];
    if (wantPostgres) {
      tasks.push(
        startEmbeddedPostgres(postgresOptions).then(async (server: RunningPostgres) => {
          // Its data and the app database are kept, so a restart on the same port is the same DATABASE_URL.
          started.push(
            watched(server, `embedded PostgreSQL (port ${ports.postgres})`, () =>
              startEmbeddedPostgres(postgresOptions),
            ),
          );
          const url = withDatabase(server.adminUrl, options.databaseName);
          await ensureDatabase(url);
          resultEnv.DATABASE_URL = url;
          describe.database = `embedded PostgreSQL on 127.0.0.1:${ports.postgres} (data in ${server.dataDir})`;
          describe.databaseNote = server.note;
        }),
      );
    } else {
      describe.database = "DATABASE_URL (external)";
    }
    if (wantSoketi) {
      tasks.push(
        startLocalSoketi(soketiOptions).then((service: ChildService) => {
          started.push(watched(service, `soketi (port ${ports.soketi})`, () => startLocalSoketi(soketiOptions)));
          Object.assign(resultEnv, localSoketiEnv(ports.soketi));
          describe.realtime = `soketi on ws://127.0.0.1:${ports.soketi}`;
        }),
      );
    } else {
      describe.realtime = `PUSHER_* (${env.PUSHER_HOST ?? `Pusher Channels, cluster ${env.PUSHER_CLUSTER ?? "mt1"}`})`;
    }
    if (wantMail) {
      tasks.push(
        startMaildev(maildevOptions).then((service) => {
          started.push(watched(service, `the mail catcher (port ${ports.smtp})`, () => startMaildev(maildevOptions)));
          resultEnv.SMTP_URL = `smtp://127.0.0.1:${ports.smtp}`;
          describe.mail = `maildev SMTP on 127.0.0.1:${ports.smtp}`;
          describe.inbox = `http://localhost:${ports.mailWeb}`;
        }),
      );
    } else {
      describe.mail = "SMTP_URL (external)";
    }
    const results = await Promise.allSettled(tasks);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
  } catch (error) {
    await stop();
    throw error instanceof Error ? error : new StackError(String(error));
  }

  return { env: resultEnv, describe, stop };
}
