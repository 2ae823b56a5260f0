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
}

const globalForMail = globalThis as unknown as { roomfulMailer?: Transporter };

function transporter(): Transporter {
  globalForMail.roomfulMailer ??= nodemailer.createTransport(env().SMTP_URL, {
    // A mail server that hangs must not hang the request that sends.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return globalForMail.roomfulMailer;
}

/** Sends one message; resolves with the SMTP server's message id. */
export async function sendMail(mail: OutgoingMail): Promise<string> {
  const info = (await transporter().sendMail({ from: env().MAIL_FROM, ...mail })) as { messageId: string };
  return info.messageId;
}
