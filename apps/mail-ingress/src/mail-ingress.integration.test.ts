import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { getConfig } from "@forecourt/config";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { connectEmailChannel } from "@forecourt/core/channels/connect-email-channel";
import { deliverMessage } from "@forecourt/core/channels/deliver-message";
import { getEmailHtml } from "@forecourt/core/channels/get-email-html";
import { setChannelStatus } from "@forecourt/core/channels/set-channel-status";
import type { TTenantPrincipal } from "@forecourt/core/principal";
import { readAttachment } from "@forecourt/core/storage/attachments";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { createTestTenant, createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import { startMailIngress } from "./start";

/*
 * Real SMTP both ways: nodemailer (the customer's mail server) into our ingress on port 0, and
 * our replies through nodemailer into the SMTP sink (the customer's mailbox) on SMTP_PORT.
 */
let ingress: Awaited<ReturnType<typeof startMailIngress>>;
let small: Awaited<ReturnType<typeof startMailIngress>>;
const sink = new SmtpSink();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let admin: TTenantPrincipal;
let agent: TTenantPrincipal;
let agentName: string;
let channelId: string;
let inbound: string;
const run = crypto.randomUUID().slice(0, 8);

function transport(port: number) {
  return nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    name: "mx.customer.test",
  });
}
const send = (mail: Mail.Options, port = ingress.port) => transport(port).sendMail(mail);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the server to refuse");
    },
    (error: { responseCode?: number; command?: string; message: string }) => error,
  );

const messagesOf = (conversationId: string) =>
  ownerDb().message.findMany({ where: { conversationId }, orderBy: { seq: "asc" }, include: { attachments: true } });
const messageByMessageId = (messageId: string) =>
  ownerDb().message.findFirst({
    where: { externalId: `${channelId}:${messageId}` },
    include: { conversation: true, attachments: true },
  });

/** Sends an agent's reply on the conversation and runs its delivery job; returns what the sink received. */
async function agentReplies(conversationId: string, text: string) {
  const reply = await sendMessage({
    sender: { agent },
    input: { conversationId, clientId: crypto.randomUUID(), body: text },
  });
  expect(
    await deliverMessage({ customerId: tenant.customer.id, messageId: reply.id, attempt: 1, maxAttempts: 1 }),
  ).toBe("sent");
  const customer = (
    await ownerDb().conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { contact: true } })
  ).contact.email!;
  return sink.waitFor(customer, (m) => m.text.includes(text));
}

beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
  ingress = await startMailIngress({ port: 0 });
  small = await startMailIngress({ port: 0, maxBytes: 20_000 });
  tenant = await createTestTenant("Mail ingress");
  const owner = await createTestUser({ customerId: tenant.customer.id, role: "ADMIN" });
  admin = testMemberPrincipal(owner.user.id, tenant.customer.id, "ADMIN");
  const staff = await createTestUser({ customerId: tenant.customer.id, role: "AGENT" });
  agent = testMemberPrincipal(staff.user.id, tenant.customer.id, "AGENT");
  agentName = staff.user.name;
  const connected = await connectEmailChannel({
    principal: admin,
    dealerId: tenant.dealer.id,
    name: "",
    fromName: "Mail Ingress Motors",
    fromAddress: "sales@mail-ingress-motors.test",
  });
  channelId = connected.channelId;
  inbound = connected.inboundAddress;
});

afterAll(async () => {
  await ingress?.close();
  await small?.close();
  await sink.close();
});

describe("the SMTP ingress", () => {
  it("refuses an unknown recipient at RCPT TO with 550, and a disabled channel's address too", async () => {
    const unknown = await refusal(
      send({
        from: "jan@customer.test",
        to: `nobody-${run}@${getConfig().EMAIL_INBOUND_DOMAIN}`,
        subject: "x",
        text: "y",
      }),
    );
    expect(unknown.responseCode).toBe(550);
    expect(unknown.command).toBe("RCPT TO");

    const other = await connectEmailChannel({
      principal: admin,
      dealerId: tenant.dealer.id,
      name: "Off",
      fromName: "Off",
      fromAddress: "off@x.test",
    });
    await setChannelStatus({ principal: admin, channelId: other.channelId, enabled: false });
    const disabled = await refusal(
      send({ from: "jan@customer.test", to: other.inboundAddress, subject: "x", text: "y" }),
    );
    expect(disabled.responseCode).toBe(550);
    expect(await ownerDb().conversation.count({ where: { channelId: other.channelId } })).toBe(0);
  });

  it("refuses an oversize mail at DATA with 552 and records nothing", async () => {
    const messageId = `<big-${run}@customer.test>`;
    const big = await refusal(
      send({ from: "big@customer.test", to: inbound, subject: "big", text: "x".repeat(40_000), messageId }, small.port),
    );
    expect(big.responseCode).toBe(552);
    expect(await messageByMessageId(messageId)).toBeNull();
  });

  it("records a new mail: contact, conversation with subject, text with the quote folded, the raw source, files and inline images", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const messageId = `<first-${run}@customer.test>`;
    await send({
      from: `"Jan Jansen" <jan-${run}@customer.test>`,
      to: inbound,
      subject: "Golf GTI test drive",
      messageId,
      text: "Is Saturday possible?\n\nOn Mon, 30 Nov 2026, Sales <s@d.test> wrote:\n> Thanks for your interest",
      html: '<p>Is Saturday possible?</p><img src="cid:car@customer.test">',
      attachments: [
        { filename: "licence.pdf", content: Buffer.from("%PDF-1.4\n%test\n"), contentType: "application/pdf" },
        { filename: "car.png", content: png, contentType: "image/png", cid: "car@customer.test" },
        {
          filename: "macro.docm",
          content: Buffer.from("PK\u0003\u0004"),
          contentType: "application/vnd.ms-word.document.macroEnabled.12",
        },
      ],
    });
    const message = await messageByMessageId(messageId);
    expect(message).not.toBeNull();
    expect(message!.conversation.subject).toBe("Golf GTI test drive");
    expect(message!.conversation.channelId).toBe(channelId);
    expect(message!.body).toBe("Is Saturday possible?");
    expect(message!.authorType).toBe("CONTACT");
    const data = message!.data as {
      type: string;
      folded: string;
      hasHtml: boolean;
      auth: { spf: string; flagged: boolean };
      refused: { fileName: string }[];
    };
    expect(data).toMatchObject({ type: "email", hasHtml: true });
    expect(data.folded).toContain("> Thanks for your interest");
    expect(["none", "temperror"]).toContain(data.auth.spf);
    expect(data.auth.flagged).toBe(false);
    expect(data.refused.map((r) => r.fileName)).toEqual(["macro.docm"]);
    const roles = message!.attachments.map((a) => [a.role, a.fileName, a.contentId]).sort();
    expect(roles).toEqual([
      ["FILE", "licence.pdf", null],
      ["INLINE", "car.png", "car@customer.test"],
      ["SOURCE", "message.eml", null],
    ]);
    const source = message!.attachments.find((a) => a.role === "SOURCE")!;
    expect((await readAttachment(source.storageKey))!.toString()).toContain(`Message-ID: ${messageId}`);
    const contact = await ownerDb().contact.findUniqueOrThrow({
      where: { id: message!.conversation.contactId },
      include: { identities: true },
    });
    expect(contact).toMatchObject({ name: "Jan Jansen", email: `jan-${run}@customer.test`, legalBasis: "CONTRACT" });
    expect(contact.identities.map((i) => [i.channelType, i.externalId])).toEqual([
      ["EMAIL", `email:jan-${run}@customer.test`],
    ]);
  });

  it("records the same Message-ID once, however often it is delivered", async () => {
    const mail = {
      from: `dup-${run}@customer.test`,
      to: inbound,
      subject: "Twice",
      text: "Once please",
      messageId: `<dup-${run}@customer.test>`,
    };
    await send(mail);
    await send(mail);
    await Promise.all([send(mail), send(mail)]);
    expect(await ownerDb().message.count({ where: { externalId: `${channelId}:<dup-${run}@customer.test>` } })).toBe(1);
    const message = await messageByMessageId(`<dup-${run}@customer.test>`);
    // Nothing left behind by the refused copies: one source file.
    expect(message!.attachments.filter((a) => a.role === "SOURCE")).toHaveLength(1);
  });
});

describe("threading", () => {
  let conversationId: string;
  let ourMessageId: string;
  const customer = `thread-${run}@customer.test`;

  beforeAll(async () => {
    await send({
      from: customer,
      to: inbound,
      subject: "Service booking",
      text: "Can I bring the car Monday?",
      messageId: `<t0-${run}@customer.test>`,
    });
    conversationId = (await messageByMessageId(`<t0-${run}@customer.test>`))!.conversationId;
  });

  it("sends the agent's reply threaded: From the dealer, Re: subject, In-Reply-To, References, Reply-To with the token, text and HTML", async () => {
    const mail = await agentReplies(conversationId, "Monday at 9 works.");
    expect(mail.fromHeader).toBe("Mail Ingress Motors <sales@mail-ingress-motors.test>");
    expect(mail.subject).toBe("Re: Service booking");
    expect(mail.inReplyTo).toBe(`<t0-${run}@customer.test>`);
    expect(mail.references).toEqual([`<t0-${run}@customer.test>`]);
    expect(mail.replyTo).toMatch(new RegExp(`^${inbound.split("@")[0]}\\+r-[a-z2-7]{39}@`));
    expect(mail.html).toContain("Monday at 9 works.");
    expect(mail.text).toContain(`-- \n${agentName}\nMail Ingress Motors`);
    const stored = await ownerDb().message.findFirstOrThrow({ where: { conversationId, authorType: "AGENT" } });
    expect(stored.externalId).toBe(`${channelId}:${mail.messageId}`);
    expect(stored.deliveryStatus).toBe("SENT");
    ourMessageId = mail.messageId!;
  });

  it("threads a reply by its token alone (no In-Reply-To, no References)", async () => {
    const sent = sink.mails.find((m) => m.messageId === ourMessageId)!;
    const replyTo = sent.replyTo!;
    await send({
      from: customer,
      to: replyTo,
      subject: "Re: Service booking",
      text: "Great, see you.",
      messageId: `<t1-${run}@customer.test>`,
    });
    expect((await messageByMessageId(`<t1-${run}@customer.test>`))!.conversationId).toBe(conversationId);
  });

  it("threads a reply by In-Reply-To to the plain inbound address", async () => {
    await send({
      from: customer,
      to: inbound,
      subject: "Re: Service booking",
      text: "One more question",
      messageId: `<t2-${run}@customer.test>`,
      inReplyTo: ourMessageId,
      references: [ourMessageId],
    });
    expect((await messageByMessageId(`<t2-${run}@customer.test>`))!.conversationId).toBe(conversationId);
  });

  it("threads an Outlook-style reply whose In-Reply-To changed but whose References match", async () => {
    await send({
      from: customer,
      to: inbound,
      subject: "AW: Service booking",
      text: "From Outlook",
      messageId: `<t3-${run}@customer.test>`,
      inReplyTo: `<outlook-rewritten-${run}@eur.prod.outlook.test>`,
      references: [`<t0-${run}@customer.test>`, ourMessageId],
    });
    expect((await messageByMessageId(`<t3-${run}@customer.test>`))!.conversationId).toBe(conversationId);
  });

  it("keeps the full References chain on the next reply", async () => {
    const mail = await agentReplies(conversationId, "Anything else?");
    expect(mail.inReplyTo).toBe(`<t3-${run}@customer.test>`);
    expect(mail.references[0]).toBe(`<t0-${run}@customer.test>`);
    expect(mail.references).toEqual(
      expect.arrayContaining([ourMessageId, `<t1-${run}@customer.test>`, `<t2-${run}@customer.test>`]),
    );
    expect(mail.references.at(-1)).toBe(`<t3-${run}@customer.test>`);
  });

  it("never merges a different sender into the thread: their reply, even with the token and the headers, is a new conversation", async () => {
    const sent = sink.mails.find((m) => m.messageId === ourMessageId)!;
    await send({
      from: `colleague-${run}@customer.test`,
      to: sent.replyTo!,
      subject: "Re: Service booking",
      text: "I am his colleague",
      messageId: `<other-${run}@customer.test>`,
      inReplyTo: ourMessageId,
      references: [ourMessageId],
    });
    const other = await messageByMessageId(`<other-${run}@customer.test>`);
    expect(other!.conversationId).not.toBe(conversationId);
    expect(other!.conversation.subject).toBe("Service booking");
    expect((await messagesOf(conversationId)).filter((m) => m.authorType === "CONTACT")).toHaveLength(4);
  });

  it("ignores a forged token (it threads by headers, here: none → a new conversation)", async () => {
    const forged = `${inbound.split("@")[0]}+r-${"a".repeat(39)}@${inbound.split("@")[1]}`;
    await send({
      from: customer,
      to: forged,
      subject: "Re: Service booking",
      text: "forged",
      messageId: `<forged-${run}@customer.test>`,
    });
    expect((await messageByMessageId(`<forged-${run}@customer.test>`))!.conversationId).not.toBe(conversationId);
  });
});

describe("the HTML version", () => {
  it("is rendered harmless: no script, no handlers, no tracking pixel; remote images held until allowed", async () => {
    const messageId = `<html-${run}@customer.test>`;
    await send({
      from: `html-${run}@customer.test`,
      to: inbound,
      subject: "Newsletter",
      messageId,
      html: `<p onclick="steal()">Offer</p><script>alert(document.cookie)</script><img src="x" onerror="alert(1)"><img src="https://track.example/p.gif" width="1" height="1"><img src="https://cdn.example/car.jpg" alt="car">`,
    });
    const message = await messageByMessageId(messageId);
    const html = await getEmailHtml({ principal: agent, messageId: message!.id });
    for (const bad of ["<script", "alert(", "onerror", "onclick", "track.example", "cdn.example"])
      expect(html.document).not.toContain(bad);
    expect(html.document).toContain("default-src 'none'");
    expect(html).toMatchObject({ remoteImages: 1, trackingPixels: 1 });
    const allowed = await getEmailHtml({ principal: agent, messageId: message!.id, images: true });
    expect(allowed.document).toContain("https://cdn.example/car.jpg");
    expect(allowed.document).not.toContain("track.example");
  });
});
