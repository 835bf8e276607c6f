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

/** One mail: a plain-text part and, for every mail a person reads (renderMail), an HTML part. */
export type TMail = { to: string; subject: string; text: string; html?: string };

/**
 * Sends one e-mail through SMTP (nodemailer): multipart/alternative with the text and HTML
 * parts when it has HTML (mails from `renderMail`), plain text alone otherwise (ADF leads,
 * which CRMs read as text).
 */
export async function sendMail(mail: TMail): Promise<void> {
  await transporter().sendMail({
    from: getConfig().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
  });
}
