import "server-only";
import nodemailer from "nodemailer";
import type { TDb } from "@/lib/db/client";
import { env } from "@/lib/env";

export type TMail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let transport: nodemailer.Transporter | undefined;

/**
 * SMTP when SMTP_URL is set; otherwise (never in production, where SMTP_URL is required) the
 * development outbox table, which the admin console lists so every flow can be completed locally.
 */
export async function sendMail(db: Pick<TDb, "outboxEmail">, mail: TMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM, APP_MODE } = env();
  if (SMTP_URL) {
    transport ??= nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({ from: MAIL_FROM, ...mail });
    return;
  }
  if (APP_MODE === "production") throw new Error("SMTP_URL is required to send mail in production");
  await db.outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, ...(mail.headers ? { headers: mail.headers } : {}) } });
}
