import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { connectEmailChannel } from "@forecourt/core/channels/connect-email-channel";
import { deliverMessage } from "@forecourt/core/channels/deliver-message";
import { getEmailHtml } from "@forecourt/core/channels/get-email-html";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import {
  createTestTenant,
  createTestUser,
  ownerDb,
  SmtpSink,
  startMetaGraph,
  type TMetaGraph,
} from "@forecourt/testing";
import { catcherMailbox, createEmailPlugin } from "@forecourt/testing/email-sim";
import { startMailIngress } from "./start";

/*
 * The channel simulator's E-mail tab end to end, over HTTP like the page: the customer's mail
 * goes over SMTP into the ingress, the agent's reply through the delivery job into the sink,
 * and the tab reads it back from the sink's /messages.json, threaded.
 */
let graph: TMetaGraph;
let ingress: Awaited<ReturnType<typeof startMailIngress>>;
const sink = new SmtpSink();
let inbound: string;
let tenantId: string;
let agent: ReturnType<typeof testMemberPrincipal>;
const label = `Simulator Motors ${crypto.randomUUID().slice(0, 6)}`;
const customer = `sim-${crypto.randomUUID().slice(0, 8)}@customer.example`;

const post = (path: string, body: unknown) =>
  fetch(`${graph.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<{ mail: { id: string; outcome: string } }>);
const mailbox = () =>
  fetch(`${graph.url}/__sim/email/mailbox?dealer=${encodeURIComponent(label)}&address=${customer}`).then(
    (r) =>
      r.json() as Promise<{
        sent: { id: string }[];
        received: { id: string; subject: string; text: string; references: string[]; replyTo: string }[];
      }>,
  );

beforeAll(async () => {
  const config = getConfig();
  await sink.listen(config.SMTP_PORT);
  await sink.listenHttp(config.MAIL_CATCHER_HTTP_PORT);
  ingress = await startMailIngress({ port: 0 });
  const tenant = await createTestTenant("Email simulator");
  const owner = await createTestUser({ customerId: tenant.customer.id, role: "ADMIN" });
  const connected = await connectEmailChannel({
    principal: testMemberPrincipal(owner.user.id, tenant.customer.id, "ADMIN"),
    dealerId: tenant.dealer.id,
    name: "",
    fromName: label,
    fromAddress: "sales@simulator-motors.example",
  });
  inbound = connected.inboundAddress;
  const plugin = createEmailPlugin({
    dealers: () => [{ label, inbound, from: "sales@simulator-motors.example" }],
    ingress: { host: "127.0.0.1", port: ingress.port },
    mailbox: catcherMailbox(`http://127.0.0.1:${config.MAIL_CATCHER_HTTP_PORT}/messages.json`),
  });
  graph = await startMetaGraph({ simulator: true, plugins: [plugin] });
  tenantId = tenant.customer.id;
  agent = testMemberPrincipal(owner.user.id, tenant.customer.id, "ADMIN");
});

afterAll(async () => {
  await graph?.close();
  await ingress?.close();
  await sink.close();
});

describe("the simulator's E-mail tab", () => {
  it("sends an HTML mail into the ingress, shows the agent's reply threaded, and threads the customer's answer", async () => {
    const first = await post("/__sim/email/send", {
      dealer: label,
      name: "Eva de Boer",
      address: customer,
      subject: "Blue Golf",
      text: "Is the blue Golf still available?",
      html: '<p>Is the blue Golf still available?</p><script>alert(1)</script><img src="https://t.example/o.gif" width="1" height="1">',
    });
    expect(first.mail.outcome).toMatch(/^250/);
    const message = await ownerDb().message.findFirstOrThrow({
      where: { customerId: tenantId, body: "Is the blue Golf still available?" },
    });
    const html = await getEmailHtml({ principal: agent, messageId: message.id });
    expect(html.document).toContain("Is the blue Golf still available?");
    expect(html.document).not.toContain("<script");
    expect(html.trackingPixels).toBe(1);

    const reply = await sendMessage({
      sender: { agent },
      input: {
        conversationId: message.conversationId,
        clientId: crypto.randomUUID(),
        body: "Yes, come by on Saturday.",
      },
    });
    await deliverMessage({ customerId: tenantId, messageId: reply.id, attempt: 1, maxAttempts: 1 });
    let box = await mailbox();
    expect(box.sent.map((m) => m.id)).toEqual([first.mail.id]);
    expect(box.received).toHaveLength(1);
    expect(box.received[0]).toMatchObject({ subject: "Re: Blue Golf", references: [first.mail.id] });
    expect(box.received[0]!.text).toContain("Yes, come by on Saturday.");

    const answer = await post("/__sim/email/send", {
      dealer: label,
      address: customer,
      subject: "Re: Blue Golf",
      text: "Great, see you then.",
      replyTo: {
        messageId: box.received[0]!.id,
        references: box.received[0]!.references,
        address: box.received[0]!.replyTo,
      },
    });
    expect(answer.mail.outcome).toMatch(/^250/);
    const stored = await ownerDb().message.findFirstOrThrow({
      where: { customerId: tenantId, body: "Great, see you then." },
    });
    expect(stored.conversationId).toBe(message.conversationId);
    box = await mailbox();
    expect(box.sent).toHaveLength(2);
  });

  it("shows the ingress's refusal for an address nobody connected", async () => {
    const plugin = createEmailPlugin({
      dealers: () => [{ label: "Ghost", inbound: `ghost@${getConfig().EMAIL_INBOUND_DOMAIN}`, from: "x@y.example" }],
      ingress: { host: "127.0.0.1", port: ingress.port },
      mailbox: async () => [],
    });
    const ghost = await startMetaGraph({ simulator: true, plugins: [plugin] });
    try {
      const response = await fetch(`${ghost.url}/__sim/email/send`, {
        method: "POST",
        body: JSON.stringify({ dealer: "Ghost", address: customer, subject: "x", text: "y" }),
      });
      expect(((await response.json()) as { mail: { outcome: string } }).mail.outcome).toMatch(/^550/);
    } finally {
      await ghost.close();
    }
  });
});
