import { createHmac } from "node:crypto";
import { Worker } from "bullmq";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { withTenant } from "@forecourt/db";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN } from "@forecourt/core/chat/test-helpers";
import { listMessagesAfter } from "@forecourt/core/chat/list-messages";
import { InvalidInputError, NotFoundError } from "@forecourt/core/errors";
import { ensureStandardLeadForms } from "@forecourt/core/leads/ensure-standard-lead-forms";
import { listLeadFormsForConversation } from "@forecourt/core/leads/list-lead-forms-for-conversation";
import { listLeadFormsForSettings } from "@forecourt/core/leads/list-lead-forms-for-settings";
import { listLeadFormsForVisitor } from "@forecourt/core/leads/list-lead-forms-for-visitor";
import { offerLeadForm } from "@forecourt/core/leads/offer-lead-form";
import { listLeads } from "@forecourt/core/leads/list-leads";
import { requeueLostLeadDeliveries } from "@forecourt/core/leads/requeue-lost-lead-deliveries";
import { retryLeadDelivery } from "@forecourt/core/leads/retry-lead-delivery";
import { saveLeadExportTarget } from "@forecourt/core/leads/save-lead-export-target";
import { sendLeadForm } from "@forecourt/core/leads/send-lead-form";
import { setLeadFormActive } from "@forecourt/core/leads/set-lead-form-active";
import { submitLeadForm } from "@forecourt/core/leads/submit-lead-form";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { closeQueues, workerOptions } from "@forecourt/jobs";
import { createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import { startWebhookReceiver, type TWebhookReceiver } from "@forecourt/testing/webhook-receiver";
import { HANDLERS } from "./registry";

/*
 * Lead forms end to end (docs/leads.md): an agent sends a form, the visitor submits it, one
 * transaction writes the FORM message and the Lead, and real BullMQ runs the worker's export
 * handler, which delivers the ADF/XML to a local HTTP receiver and to the SMTP sink, logging
 * each attempt. WEBHOOK_BACKOFF_BASE_MS is 20 ms and WEBHOOK_MAX_ATTEMPTS 4 in the test config.
 */

let receiver: TWebhookReceiver;
let worker: Worker;
const sink = new SmtpSink();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  await sink.listen(getConfig().SMTP_PORT);
  const byName = new Map(HANDLERS.map((h) => [h.job.name, h]));
  worker = new Worker(
    "webhooks",
    async (job) => {
      const entry = byName.get(job.name);
      if (!entry) throw new Error(`no handler for ${job.name}`);
      return entry.handle(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
    },
    workerOptions("webhooks", { concurrency: 4 }),
  );
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await receiver?.close();
  await sink.close();
  await closeQueues();
});

beforeEach(() => receiver.reset());

async function arrange(label = "Leads") {
  const t = await createChatTenant(label);
  await withTenant(t.customer.id, (tx) => ensureStandardLeadForms(tx, t.customer.id, t.dealer.id));
  const { user: adminUser } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  const admin = testMemberPrincipal(adminUser.id, t.customer.id, "ADMIN");
  const forms = await ownerDb().leadForm.findMany({ where: { dealerId: t.dealer.id } });
  const form = (kind: string) => forms.find((f) => f.kind === kind)!;
  const started = await startVisitorConversation({
    input: {
      key: t.channel.publicKey,
      origin: TEST_ORIGIN,
      name: "Lotte Lead",
      email: "lotte@example.com",
      consent: true,
    },
  });
  const visitor = await resolveVisitorSession({ token: started.token });
  if (!visitor) throw new Error("no visitor");
  return { ...t, admin, form, conversationId: started.conversationId, visitor };
}

const testDriveAnswers = {
  name: 'Lotte "L" <Lead> & Co',
  email: "lotte@example.com",
  phone: "+31 6 1234 5678",
  vehicle: { make: "Volvo", model: "EX30", year: "2025", plate: "" },
  preferredDate: "2026-12-20",
  message: "Saturday morning, please.",
};

async function settled(customerId: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await ownerDb().leadDelivery.count({ where: { customerId, status: "PENDING" } });
    if (pending === 0) return ownerDb().leadDelivery.findMany({ where: { customerId }, orderBy: { target: "asc" } });
    if (Date.now() > deadline) throw new Error(`${pending} lead deliveries still pending`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("lead forms", () => {
  it("agent sends a form, the visitor submits it: FORM message + Lead, ADF to the CRM URL (signed) and e-mail", async () => {
    const t = await arrange();
    const path = `/crm-${crypto.randomUUID()}`;
    const crmEmail = `crm-${crypto.randomUUID().slice(0, 8)}@dealer.example`;
    const secret = "s3cret-s3cret-s3cret";
    await saveLeadExportTarget({
      actor: t.admin,
      input: { dealerId: t.dealer.id, crmEmail, crmUrl: receiver.url(path), secret },
    });

    const picker = await listLeadFormsForConversation({ actor: t.agent, input: { conversationId: t.conversationId } });
    expect(picker.forms.map((f) => f.kind).sort()).toEqual(["FINANCE", "SERVICE", "TEST_DRIVE", "TRADE_IN"]);
    const sent = await sendLeadForm({
      actor: t.agent,
      input: { conversationId: t.conversationId, formId: t.form("TEST_DRIVE").id, clientId: "form-send-0001" },
    });
    expect(sent.event.content).toMatchObject({ type: "form_request", kind: "TEST_DRIVE", name: "Test drive" });

    const result = await submitLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, requestMessageId: sent.id, answers: testDriveAnswers },
    });
    expect(result.duplicate).toBe(false);

    const lead = await ownerDb().lead.findUniqueOrThrow({ where: { id: result.leadId }, include: { message: true } });
    expect(lead).toMatchObject({ kind: "TEST_DRIVE", dealerId: t.dealer.id, conversationId: t.conversationId });
    expect(lead.message.kind).toBe("FORM");
    expect(lead.message.authorType).toBe("CONTACT");
    expect(lead.message.body).toContain("Preferred date: 2026-12-20");
    // The contact had a name and e-mail from the pre-chat form (kept); the phone came from the lead.
    expect(await ownerDb().contact.findUniqueOrThrow({ where: { id: t.visitor.contactId } })).toMatchObject({
      name: "Lotte Lead",
      email: "lotte@example.com",
      phone: "+31 6 1234 5678",
    });

    // The widget and inbox see the result as a FORM message with its answers.
    const messages = await listMessagesAfter({
      reader: { visitor: t.visitor },
      conversationId: t.conversationId,
      afterSeq: 0,
    });
    const form = messages.find((m) => m.kind === "FORM");
    expect(form?.content).toMatchObject({ type: "form_result", leadId: result.leadId, requestMessageId: sent.id });

    // The leads list (and the API) read the answers.
    const leads = await listLeads({ actor: t.agent, input: {} });
    expect(leads[0]!.answers).toMatchObject({
      form: "TEST_DRIVE",
      preferredDate: "2026-12-20",
      vehicle: "Volvo EX30 2025",
    });

    // HTTP: ADF/XML, signed with the dealer's secret.
    const [hit] = await receiver.waitFor((all) => all.some((h) => h.path === path));
    const post = receiver.received.find((h) => h.path === path)!;
    expect(hit).toBeDefined();
    expect(post.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(post.headers["x-forecourt-lead-id"]).toBe(result.leadId);
    expect(post.headers["x-forecourt-signature"]).toBe(
      `sha256=${createHmac("sha256", secret).update(post.body).digest("hex")}`,
    );
    expect(XMLValidator.validate(post.body)).toBe(true);
    expect(post.body).toContain('<?ADF VERSION "1.0"?>');
    expect(post.body).toContain("&lt;Lead&gt; &amp; Co");
    const adf = parser.parse(post.body).adf.prospect;
    expect(adf.vehicle).toMatchObject({ "@interest": "test-drive", make: "Volvo", model: "EX30", year: "2025" });
    expect(adf.customer.contact.name["#text"]).toBe('Lotte "L" <Lead> & Co');
    expect(adf.customer.contact.email).toBe("lotte@example.com");
    expect(adf.vendor.vendorname).toBe(t.dealer.name);

    // E-mail: the same ADF as the plain-text body.
    const mail = await sink.waitFor(crmEmail);
    expect(mail.subject).toContain("Test drive");
    expect(XMLValidator.validate(mail.text.trim())).toBe(true);
    expect(parser.parse(mail.text).adf.prospect.requestdate).toBeTruthy();

    // The delivery log.
    const deliveries = await settled(t.customer.id);
    expect(deliveries.map((d) => [d.target, d.status, d.attempts])).toEqual([
      ["EMAIL", "DELIVERED", 1],
      ["HTTP", "DELIVERED", 1],
    ]);
    const settings = await listLeadFormsForSettings({ actor: t.admin });
    expect(settings.dealers[0]!.deliveries).toHaveLength(2);
    expect(settings.dealers[0]!.target).toEqual({ crmEmail, crmUrl: receiver.url(path), hasSecret: true });

    // A second submit of the same form writes nothing and answers with the first lead.
    const again = await submitLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, requestMessageId: sent.id, answers: testDriveAnswers },
    });
    expect(again).toMatchObject({ leadId: result.leadId, duplicate: true });
    expect(await ownerDb().lead.count({ where: { conversationId: t.conversationId } })).toBe(1);
  });

  it("retries a failing CRM URL with backoff, logs attempts and the last error, and can be retried after failing", async () => {
    const t = await arrange("Leads retry");
    const path = `/crm-${crypto.randomUUID()}`;
    receiver.script(path, [503, 500, 200]);
    await saveLeadExportTarget({
      actor: t.admin,
      input: { dealerId: t.dealer.id, crmEmail: "", crmUrl: receiver.url(path) },
    });
    const sent = await sendLeadForm({
      actor: t.agent,
      input: { conversationId: t.conversationId, formId: t.form("TEST_DRIVE").id, clientId: "form-send-0002" },
    });
    await submitLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, requestMessageId: sent.id, answers: testDriveAnswers },
    });
    const [delivery] = await settled(t.customer.id);
    expect(delivery).toMatchObject({ target: "HTTP", status: "DELIVERED", attempts: 3, lastError: null });
    expect(receiver.received.filter((h) => h.path === path)).toHaveLength(3);

    // A permanent refusal (4xx) fails at once; Retry sends it again.
    const path2 = `/crm-${crypto.randomUUID()}`;
    receiver.script(path2, [400, 200]);
    await saveLeadExportTarget({
      actor: t.admin,
      input: { dealerId: t.dealer.id, crmEmail: "", crmUrl: receiver.url(path2) },
    });
    const sent2 = await sendLeadForm({
      actor: t.agent,
      input: { conversationId: t.conversationId, formId: t.form("SERVICE").id, clientId: "form-send-0003" },
    });
    await submitLeadForm({
      visitor: t.visitor,
      input: {
        conversationId: t.conversationId,
        requestMessageId: sent2.id,
        answers: {
          name: "Lotte",
          phone: "0612345678",
          vehicle: { make: "Kia", model: "Niro" },
          service: "Tyres",
          preferredDate: "2026-12-21",
        },
      },
    });
    const failed = (await settled(t.customer.id)).find((d) => d.destination === receiver.url(path2))!;
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/^HTTP 400/);
    await retryLeadDelivery({ actor: t.admin, input: { deliveryId: failed.id } });
    const after = (await settled(t.customer.id)).find((d) => d.id === failed.id)!;
    expect(after).toMatchObject({ status: "DELIVERED", attempts: 2, lastError: null });
    expect(after.deliveredAt).toBeInstanceOf(Date);
  });

  it("the sweep queues a delivery whose job was lost (Redis down when the lead was written)", async () => {
    const t = await arrange("Leads sweep");
    const path = `/crm-${crypto.randomUUID()}`;
    const sent = await sendLeadForm({
      actor: t.agent,
      input: { conversationId: t.conversationId, formId: t.form("TEST_DRIVE").id, clientId: "form-send-0007" },
    });
    const { leadId } = await submitLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, requestMessageId: sent.id, answers: testDriveAnswers },
    });
    // No target when the lead was written, so no job: the delivery row stands for one whose enqueue failed.
    const lost = await ownerDb().leadDelivery.create({
      data: {
        customerId: t.customer.id,
        leadId,
        target: "HTTP",
        destination: receiver.url(path),
        createdAt: new Date(Date.now() - 5 * 60_000),
      },
    });
    expect((await requeueLostLeadDeliveries()).requeued).toBeGreaterThanOrEqual(1);
    const [delivery] = await settled(t.customer.id);
    expect(delivery).toMatchObject({ id: lost.id, status: "DELIVERED", attempts: 1 });
    expect(receiver.received.some((h) => h.path === path)).toBe(true);
  });

  it("refuses bad answers per field, keeps nothing, and refuses forms it was not sent", async () => {
    const t = await arrange("Leads invalid");
    const sent = await sendLeadForm({
      actor: t.agent,
      input: { conversationId: t.conversationId, formId: t.form("TRADE_IN").id, clientId: "form-send-0004" },
    });
    const error = await submitLeadForm({
      visitor: t.visitor,
      input: {
        conversationId: t.conversationId,
        requestMessageId: sent.id,
        answers: {
          name: "",
          email: "not-an-email",
          vehicle: { make: "Opel", model: "" },
          mileage: "1",
          condition: "Mint",
        },
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((i) => i.path).sort()).toEqual([
      "answers.condition",
      "answers.email",
      "answers.name",
      "answers.vehicle.model",
    ]);
    expect(await ownerDb().lead.count({ where: { customerId: t.customer.id } })).toBe(0);
    // A text message is not a form; a foreign message id is not found.
    await expect(
      submitLeadForm({
        visitor: t.visitor,
        input: { conversationId: t.conversationId, requestMessageId: crypto.randomUUID(), answers: {} },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // An inactive form is not offered and cannot be sent.
    await setLeadFormActive({ actor: t.admin, input: { formId: t.form("FINANCE").id, active: false } });
    const picker = await listLeadFormsForConversation({ actor: t.agent, input: { conversationId: t.conversationId } });
    expect(picker.forms.map((f) => f.kind)).not.toContain("FINANCE");
    await expect(
      sendLeadForm({
        actor: t.agent,
        input: { conversationId: t.conversationId, formId: t.form("FINANCE").id, clientId: "form-send-0005" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Export targets: a URL with credentials is refused at the field.
    const refused = await saveLeadExportTarget({
      actor: t.admin,
      input: { dealerId: t.dealer.id, crmEmail: "", crmUrl: "https://user:pw@crm.example/leads" },
    }).catch((e: unknown) => e);
    expect((refused as InvalidInputError).issues).toEqual([{ path: "crmUrl", message: expect.any(String) }]);
  });

  it("the widget offers a form by itself: the platform writes it once, the visitor answers it like an agent's", async () => {
    const t = await arrange("Leads offer");
    const menu = await listLeadFormsForVisitor({ visitor: t.visitor });
    expect(menu.forms.map((f) => f.kind).sort()).toEqual(["FINANCE", "SERVICE", "TEST_DRIVE", "TRADE_IN"]);
    const offered = await offerLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, formId: t.form("TEST_DRIVE").id },
    });
    expect(offered.event).toMatchObject({ authorType: "BOT", content: { type: "form_request", kind: "TEST_DRIVE" } });
    const again = await offerLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, formId: t.form("TEST_DRIVE").id },
    });
    expect(again).toMatchObject({ id: offered.id, duplicate: true });
    const { leadId } = await submitLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, requestMessageId: offered.id, answers: testDriveAnswers },
    });
    expect(await ownerDb().lead.findUniqueOrThrow({ where: { id: leadId } })).toMatchObject({ kind: "TEST_DRIVE" });
    // An inactive form is neither in the menu nor offered.
    await setLeadFormActive({ actor: t.admin, input: { formId: t.form("SERVICE").id, active: false } });
    expect((await listLeadFormsForVisitor({ visitor: t.visitor })).forms.map((f) => f.kind)).not.toContain("SERVICE");
    await expect(
      offerLeadForm({ visitor: t.visitor, input: { conversationId: t.conversationId, formId: t.form("SERVICE").id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("leads go with their conversation (retention purge, erasure)", async () => {
    const t = await arrange("Leads purge");
    const sent = await sendLeadForm({
      actor: t.agent,
      input: { conversationId: t.conversationId, formId: t.form("TEST_DRIVE").id, clientId: "form-send-0006" },
    });
    const { leadId } = await submitLeadForm({
      visitor: t.visitor,
      input: { conversationId: t.conversationId, requestMessageId: sent.id, answers: testDriveAnswers },
    });
    expect(await ownerDb().lead.count({ where: { id: leadId } })).toBe(1);
    await ownerDb().conversation.delete({ where: { id: t.conversationId } });
    expect(await ownerDb().lead.count({ where: { id: leadId } })).toBe(0);
  });
});
