// The app's mailer delivers through SMTP: a message sent with sendMail arrives in the catcher.
import { randomUUID } from "node:crypto";
import { inject, describe, expect, it } from "vitest";
import { sendMail } from "@/lib/mail/transport";
import { findMail } from "../support/mailbox";

const stack = inject("stack");

describe("mailer", () => {
  it("delivers a message with text and HTML to the SMTP catcher", async () => {
    const to = `reader-${randomUUID()}@example.test`;
    await sendMail({
      to,
      subject: "Welcome to Roomful",
      text: "Hello in plain text",
      html: "<p>Hello in <b>HTML</b></p>",
    });

    const mail = await findMail(stack.mailApiUrl, to);
    expect(mail.subject).toBe("Welcome to Roomful");
    expect(mail.from[0]?.address).toBe("no-reply@roomful.local");
    expect(mail.text.trim()).toBe("Hello in plain text");
    expect(mail.html).toContain("<b>HTML</b>");
  });
});
