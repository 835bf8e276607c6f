import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "@forecourt/config";

const globalForMail = globalThis as unknown as { forecourtMailer?: Transporter };

function transporter(): Transporter {
  if (!globalForMail.forecourtMailer) {
    const config = getConfig();
    globalForMail.forecourtMailer = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: false,
      // Local catchers do not speak TLS; a real relay offers STARTTLS and nodemailer uses it.
      ignoreTLS: !config.SMTP_USER,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
    });
  }
  return globalForMail.forecourtMailer;
}

export type TMail = { to: string; subject: string; text: string };

/** Sends one plain-text e-mail through SMTP (nodemailer). Mail never contains HTML we build. */
export async function sendMail(mail: TMail): Promise<void> {
  await transporter().sendMail({ from: getConfig().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}
