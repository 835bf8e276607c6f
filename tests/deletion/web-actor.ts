/**
 * The web app's side of the deletion-completeness test, run as a child process with
 * cwd = apps/web and the default, relative STORAGE_DIR — exactly how `next start` runs — so that
 * any code resolving storage paths against the working directory is caught. It calls the same
 * core use cases the web app's handlers call (the widget, the inbox, Contacts).
 *
 *   tsx tests/deletion/web-actor.ts '<json command>'   → prints one JSON line with the result
 *
 * Uses only APIs that existed before issue 17's fix, so the test also runs on the old code.
 */
import { randomUUID } from "node:crypto";
import { metaSignatureOf } from "@forecourt/channels";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getConfig } from "@forecourt/config";
import { receiveMetaWebhook } from "@forecourt/core/channels/receive-meta-webhook";
import { receiveTwilioWebhook } from "@forecourt/core/channels/receive-twilio-webhook";
import { receiveTelegramWebhook } from "@forecourt/core/channels/receive-telegram-webhook";
import { eraseContact } from "@forecourt/core/contacts/erase-contact";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { sendAttachment } from "@forecourt/core/chat/save-attachment";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { updateContact } from "@forecourt/core/chat/update-contact";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { receiveEmail } from "@forecourt/core/channels/receive-email";
import MailComposer from "nodemailer/lib/mail-composer";

export type TMarkers = { text: string; vin: string; phoneDigits: string };

export type TWebCommand =
  | {
      op: "populate";
      widgetKey: string;
      origin: string;
      markers: TMarkers;
      agent: { userId: string; name: string; customerId: string };
      /** The tenant's WhatsApp number: a customer writes there too (issue 10). */
      whatsapp: { phoneNumberId: string; appSecret: string };
      /** The tenant's Telegram bot: a customer writes and sends a voice note (issue 18); the file is in the stand-in. */
      telegram: { channelId: string; webhookSecret: string; userId: number; voiceFileId: string };
      /** The tenant's e-mail channel's inbound address: the same person mails too (issue 11). */
      email: { inboundAddress: string };
      /** The tenant's SMS channel: the same person texts a picture (an MMS, stored as a file) and STOP. */
      sms: { channelId: string; accountSid: string; authToken: string; fromNumber: string };
    }
  | { op: "erase"; admin: { userId: string; customerId: string }; contactId: string };

/** A PNG with valid magic bytes, then the marker (the file content a visitor controls). */
function png(marker: string): Uint8Array {
  const magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return new Uint8Array([...magic, ...new TextEncoder().encode(` ${marker} photo bytes`)]);
}

function pdf(marker: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% ${marker} offer\n%%EOF\n`);
}

async function populate(command: Extract<TWebCommand, { op: "populate" }>) {
  const { text: m, vin, phoneDigits } = command.markers;
  // The visitor: pre-chat form (name, e-mail, phone), a message, two files.
  const started = await startVisitorConversation({
    input: {
      key: command.widgetKey,
      origin: command.origin,
      name: `${m} Visitor`,
      email: `${m}@example.com`,
      phone: `+31 ${phoneDigits}`,
      consent: true,
      offlineMessage: `${m} offline message`,
    },
  });
  const visitor = await resolveVisitorSession({ token: started.token });
  if (!visitor) throw new Error("visitor session did not resolve");
  const { conversationId, contactId } = started;
  await sendMessage({
    sender: { visitor },
    input: { conversationId, clientId: randomUUID(), body: `${m} visitor message` },
  });
  await sendAttachment({
    sender: { visitor },
    conversationId,
    clientId: randomUUID(),
    fileName: `${m}-photo.png`,
    declaredType: "image/png",
    bytes: png(m),
    caption: `${m} caption`,
  });
  await sendAttachment({
    sender: { visitor },
    conversationId,
    clientId: randomUUID(),
    fileName: `${m}-offer.pdf`,
    declaredType: "application/pdf",
    bytes: pdf(m),
  });
  // The agent (an admin here, who may also edit the legal-basis note): reply, note, a file,
  // the contact's details and a vehicle.
  const { userId, name, customerId } = command.agent;
  const agent = testMemberPrincipal(userId, customerId, "ADMIN", { name });
  await sendMessage({
    sender: { agent },
    input: { conversationId, clientId: randomUUID(), body: `${m} agent reply` },
  });
  await sendMessage({
    sender: { agent },
    input: { conversationId, clientId: randomUUID(), body: `${m} private note`, kind: "NOTE" },
  });
  await sendAttachment({
    sender: { agent },
    conversationId,
    clientId: randomUUID(),
    fileName: `${m}-quote.pdf`,
    declaredType: "application/pdf",
    bytes: pdf(`${m} agent`),
  });
  await updateContact({
    agent,
    input: {
      contactId,
      name: `${m} Edited Name`,
      email: `${m}.edited@example.com`,
      phone: `+31 ${phoneDigits}`,
      legalBasisNote: `${m} legal basis note`,
      vehicles: [{ vin, plate: m, make: `${m} make`, model: `${m} model` }],
    },
  });
  const whatsappContactId = await writeOnWhatsApp(command);
  const telegramContactId = await writeOnTelegram(command);
  const emailContactId = await writeByEmail(command);
  const smsContactId = await writeBySms(command);
  return {
    conversationId,
    contactId,
    whatsappContactId,
    telegramContactId,
    emailContactId,
    smsContactId,
    cwd: process.cwd(),
  };
}

/** A WhatsApp customer: profile name, number, text, a location, a contact card, a button reply. */
async function writeOnWhatsApp(command: Extract<TWebCommand, { op: "populate" }>): Promise<string> {
  const { text: m, phoneDigits } = command.markers;
  const from = `31${phoneDigits}`;
  const at = String(Math.floor(Date.now() / 1000));
  const message = (n: number, extra: Record<string, unknown>) => ({
    id: `wamid.${m}.${n}`,
    from,
    timestamp: at,
    ...extra,
  });
  const raw = new TextEncoder().encode(
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: command.whatsapp.phoneNumberId },
                contacts: [{ wa_id: from, profile: { name: `${m} WhatsApp` } }],
                messages: [
                  message(1, { type: "text", text: { body: `${m} whatsapp text` } }),
                  message(2, {
                    type: "location",
                    location: { latitude: 52.1, longitude: 4.3, name: `${m} showroom`, address: `${m} street` },
                  }),
                  message(3, {
                    type: "contacts",
                    contacts: [{ name: { formatted_name: `${m} card` }, phones: [{ phone: `+31 ${phoneDigits}` }] }],
                  }),
                  message(4, {
                    type: "interactive",
                    interactive: { type: "button_reply", button_reply: { id: `${m}-yes`, title: `${m} button` } },
                  }),
                ],
              },
            },
          ],
        },
      ],
    }),
  );
  const result = await receiveMetaWebhook({
    rawBody: raw,
    signature: metaSignatureOf(raw, command.whatsapp.appSecret),
  });
  if (result.recorded !== 4) throw new Error(`WhatsApp messages not recorded: ${JSON.stringify(result)}`);
  const { ownerDb } = await import("@forecourt/testing");
  const identity = await ownerDb().contactIdentity.findFirstOrThrow({ where: { externalId: `wa_id:${from}` } });
  return identity.contactId;
}

/** A Telegram customer: name and username, a text, a contact card, and a voice note the media job stores. */
async function writeOnTelegram(command: Extract<TWebCommand, { op: "populate" }>): Promise<string> {
  const { text: m, phoneDigits } = command.markers;
  const { channelId, webhookSecret, userId, voiceFileId } = command.telegram;
  const from = { id: userId, is_bot: false, first_name: `${m} Telegram`, username: `${m}_tg` };
  const chat = { id: userId, type: "private", first_name: `${m} Telegram` };
  const date = Math.floor(Date.now() / 1000);
  const updates = [
    { update_id: 10, message: { message_id: 1, from, chat, date, text: `${m} telegram text` } },
    {
      update_id: 11,
      message: {
        message_id: 2,
        from,
        chat,
        date,
        contact: { phone_number: `+31${phoneDigits}`, first_name: `${m} card` },
      },
    },
    {
      update_id: 12,
      message: {
        message_id: 3,
        from,
        chat,
        date,
        voice: { file_id: voiceFileId, duration: 2, mime_type: "audio/ogg" },
      },
    },
    { update_id: 13, edited_message: { message_id: 1, from, chat, date, edit_date: date, text: `${m} telegram edit` } },
  ];
  for (const update of updates) {
    const result = await receiveTelegramWebhook({
      channelId,
      rawBody: new TextEncoder().encode(JSON.stringify(update)),
      secretToken: webhookSecret,
    });
    if (result.recorded !== 1) throw new Error(`Telegram update not recorded: ${JSON.stringify(result)}`);
  }
  const { ownerDb } = await import("@forecourt/testing");
  const identity = await ownerDb().contactIdentity.findFirstOrThrow({ where: { externalId: `tg_user:${userId}` } });
  // The worker's media job (enqueued after commit) fetches it through getFile from the stand-in.
  const voice = await ownerDb().message.findFirstOrThrow({ where: { externalId: { endsWith: `:${userId}:3` } } });
  for (let i = 0; i < 300; i++) {
    const row = await ownerDb().message.findUniqueOrThrow({ where: { id: voice.id } });
    const state = (row.data as { state?: string } | null)?.state;
    if (state === "stored") break;
    if (state === "failed") throw new Error(`Telegram voice note not stored: ${JSON.stringify(row.data)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return identity.contactId;
}

/**
 * An e-mail customer, through the ingress's use case (receiveEmail, what the SMTP ingress calls
 * with the bytes it accepted): address, name, subject, text with a quote, HTML, a file and an
 * inline image. Stored: the raw message (SOURCE), the PDF (FILE), the image (INLINE), the
 * e-mail identity, the conversation's subject. Three files.
 */
async function writeByEmail(command: Extract<TWebCommand, { op: "populate" }>): Promise<string> {
  const { text: m } = command.markers;
  const address = `${m}@customer.example`;
  const raw = await new Promise<Uint8Array>((resolve, reject) =>
    new MailComposer({
      from: `"${m} Mailer" <${address}>`,
      to: command.email.inboundAddress,
      subject: `${m} e-mail subject`,
      messageId: `<${m}.1@customer.example>`,
      text: `${m} e-mail text\n\nOn Mon, 30 Nov 2026, Dealer wrote:\n> ${m} quoted`,
      html: `<p>${m} e-mail html</p><img src="cid:${m}@inline">`,
      attachments: [
        { filename: `${m}-mail.pdf`, content: Buffer.from(pdf(`${m} mail`)), contentType: "application/pdf" },
        {
          filename: `${m}-inline.png`,
          content: Buffer.from(png(`${m} inline`)),
          contentType: "image/png",
          cid: `${m}@inline`,
        },
      ],
    })
      .compile()
      .build((error, message) => (error ? reject(error) : resolve(message))),
  );
  const result = await receiveEmail({
    raw,
    envelope: {
      mailFrom: address,
      rcptTo: [command.email.inboundAddress],
      remoteAddress: "127.0.0.1",
      helo: "mx.customer.example",
    },
  });
  if (result.recorded !== 1) throw new Error(`E-mail not recorded: ${JSON.stringify(result)}`);
  const { ownerDb } = await import("@forecourt/testing");
  const identity = await ownerDb().contactIdentity.findFirstOrThrow({ where: { externalId: `email:${address}` } });
  return identity.contactId;
}

/**
 * An SMS customer: a text and an MMS picture through the Twilio stand-in (signed webhooks to
 * core, the picture fetched with Basic auth by the worker's media job and stored), then STOP (the
 * opt-out recorded on the phone identity). The stand-in runs here on TWILIO_STANDIN_PORT
 * (= TWILIO_API_URL in tests) and delivers its webhooks to a small server in front of core.
 */
async function writeBySms(command: Extract<TWebCommand, { op: "populate" }>): Promise<string> {
  const { text: m, phoneDigits } = command.markers;
  const from = `+31${phoneDigits}`;
  const hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const signature = req.headers["x-twilio-signature"];
      receiveTwilioWebhook({
        channelId: command.sms.channelId,
        kind: "inbound",
        rawBody: Buffer.concat(chunks),
        signature: typeof signature === "string" ? signature : null,
      }).then(
        () => res.writeHead(200, { "content-type": "text/xml" }).end("<Response/>"),
        (error: unknown) => res.writeHead(403).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", () => resolve()));
  const { startTwilio } = await import("@forecourt/testing/twilio");
  const twilio = await startTwilio({
    port: getConfig().TWILIO_STANDIN_PORT,
    deliverTo: `http://127.0.0.1:${(hook.address() as AddressInfo).port}`,
  });
  try {
    twilio.addAccount({
      accountSid: command.sms.accountSid,
      authToken: command.sms.authToken,
      numbers: [command.sms.fromNumber],
      inboundUrl: `${getConfig().WEB_URL}/api/hooks/twilio/${command.sms.channelId}`,
    });
    for (const input of [
      { body: `${m} sms text` },
      { body: `${m} mms caption`, media: [{ bytes: png(`${m} mms`), mimeType: "image/png" }] },
      { body: "STOP" },
    ]) {
      const posted = await twilio.postInbound({ to: command.sms.fromNumber, from, ...input });
      if (posted.status !== 200) throw new Error(`SMS not recorded: ${posted.status} ${posted.body}`);
    }
    // The real worker's media job fetches the picture from this stand-in (Basic auth) and stores it.
    const { ownerDb } = await import("@forecourt/testing");
    const deadline = Date.now() + 60_000;
    for (;;) {
      const row = await ownerDb().message.findFirstOrThrow({ where: { body: `${m} mms caption` } });
      const state = (row.data as { state?: string } | null)?.state;
      if (state === "stored") break;
      if (state === "failed" || Date.now() > deadline)
        throw new Error(`MMS picture not stored: ${JSON.stringify(row.data)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const identity = await ownerDb().contactIdentity.findFirstOrThrow({ where: { externalId: `phone:${from}` } });
    if (!identity.optedOutAt) throw new Error("STOP not recorded");
    return identity.contactId;
  } finally {
    await twilio.close();
    await new Promise((resolve) => hook.close(resolve));
  }
}

async function main() {
  const command = JSON.parse(process.argv[2] ?? "{}") as TWebCommand;
  let result: unknown;
  if (command.op === "populate") result = await populate(command);
  else if (command.op === "erase") {
    result = await eraseContact({
      actor: testMemberPrincipal(command.admin.userId, command.admin.customerId, "ADMIN"),
      contactId: command.contactId,
    });
  } else throw new Error(`unknown command ${JSON.stringify(command)}`);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
