// Sends mail through SMTP_URL: the local catcher in development and tests, any SMTP server in
// production. Templates live beside this file; callers pass a rendered message.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** Our own Message-ID (`<id@host>`), so a resent copy of the same mail is recognisable as one. */
  messageId?: string;
}

/** Sends one message; resolves with the SMTP server's message id. */
export type MailSender = (mail: OutgoingMail) => Promise<string>;

function createTransporter(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl, {
    // A mail server that hangs must not hang the request that sends.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

async function send(transporter: Transporter, mail: OutgoingMail): Promise<string> {
  const info = (await transporter.sendMail({ from: env().MAIL_FROM, ...mail })) as { messageId: string };
  return info.messageId;
}

/** A sender through another SMTP server than SMTP_URL's (tests aim the away-email worker at a dead one). */
export function mailSenderFor(smtpUrl: string): MailSender {
  const transporter = createTransporter(smtpUrl);
  return (mail) => send(transporter, mail);
}

const globalForMail = globalThis as unknown as { roomfulMailer?: Transporter };

/** Sends one message through SMTP_URL; resolves with the SMTP server's message id. */
export async function sendMail(mail: OutgoingMail): Promise<string> {
  globalForMail.roomfulMailer ??= createTransporter(env().SMTP_URL);
  return send(globalForMail.roomfulMailer, mail);
}
