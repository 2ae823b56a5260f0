// What the global setup hands to every test file: where the services of this run live.
export interface TestStackContext {
  /** URL of the maintenance database on the test server; test databases are made beside it. */
  serverUrl: string;
  /** A migrated, empty database that each test file copies (CREATE DATABASE … TEMPLATE). */
  templateDatabase: string;
  /** Prefix of every database this run creates; the teardown drops them all. */
  databasePrefix: string;
  pusher: { appId: string; key: string; secret: string; host: string; port: number };
  smtpUrl: string;
  /** maildev's REST API, e.g. GET {mailApiUrl}/email. */
  mailApiUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    stack: TestStackContext;
  }
}
