// Sends e-mail through SMTP when SMTP_URL is set; otherwise writes each message as an .eml
// file under DATA_DIR/mail, so a fresh install "sends" mail that a person can open.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage, id: string): Promise<void>;
  close(): void;
  /** Where .eml files go, when that is the transport. */
  readonly mailDir?: string;
}

/**
 * The Message-ID of an outbox message (`id`: the worker's key of it, unique to the message):
 * the same on every attempt, so a message sent again (its sent mark lost in a crash) is
 * recognisably the same one to mail programs.
 */
export function messageIdFor(id: string, from: string): string {
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? "readers.local";
  return `<${id}@${domain}>`;
}

export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      // Give up on one message long before the outbox lease (5 min) runs out.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
    return {
      send: async (m, id) => {
        await transport.sendMail({
          messageId: messageIdFor(id, options.from),
          from: options.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
        });
      },
      close: () => transport.close(),
    };
  }
  const mailDir = join(options.dataDir, "mail");
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    mailDir,
    send: async (m, id) => {
      const info = await transport.sendMail({
        messageId: messageIdFor(id, options.from),
        from: options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
      });
      mkdirSync(mailDir, { recursive: true });
      writeFileSync(join(mailDir, `${id}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
