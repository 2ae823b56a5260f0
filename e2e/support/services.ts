// What the specs reach besides the browser: the run's database (to arrange or check stored
// state) and the mail catcher (to read what a member would find in their inbox).
import pg from "pg";
import { findMail, mailTo, type CaughtMail } from "../../tests/support/mailbox";

export function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set; run the specs through playwright.config.ts");
  return url;
}

/** Runs one SQL statement against the app's database for this run. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function mailApi(): string {
  const api = process.env.E2E_MAIL_API_URL;
  if (!api) throw new Error("E2E_MAIL_API_URL is not set; run the specs through playwright.config.ts");
  return api;
}

/** Waits for the newest mail to `to` (with `subject`, if given). */
export function waitForMail(to: string, subject?: string): Promise<CaughtMail> {
  return findMail(mailApi(), to, subject);
}

/** Every mail to `to` caught so far, oldest first. */
export function mailsTo(to: string): Promise<CaughtMail[]> {
  return mailTo(mailApi(), to);
}

/** The first link in a mail's text that starts with `prefix` (e.g. "/verify-email"). */
export function linkIn(mail: CaughtMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}"`);
  return match[0];
}
