import type { Config } from "../config";

export type MailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

export type MailTransport = {
  name: "resend" | "smtp";
  send: (message: MailMessage) => Promise<void>;
};

/** Resend when RESEND_API_KEY is set, SMTP when SMTP_URL is set, otherwise none. */
export async function createMailTransport(c: Config): Promise<MailTransport | null> {
  if (c.RESEND_API_KEY) {
    if (c.RESEND_BASE_URL) process.env.RESEND_BASE_URL = c.RESEND_BASE_URL;
    const { Resend } = await import("resend");
    const resend = new Resend(c.RESEND_API_KEY);
    return {
      name: "resend",
      async send(m) {
        const { error } = await resend.emails.send({ from: c.MAIL_FROM, ...m });
        if (error) throw new Error(`Resend: ${error.message}`);
      },
    };
  }
  if (c.SMTP_URL) {
    const nodemailer = await import("nodemailer");
    const smtp = nodemailer.createTransport(c.SMTP_URL);
    return {
      name: "smtp",
      async send(m) {
        await smtp.sendMail({ from: c.MAIL_FROM, ...m });
      },
    };
  }
  return null;
}
