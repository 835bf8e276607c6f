import { afterAll, describe, expect, it } from "vitest";
import { createTestApiKey } from "@forecourt/core/api-keys/test-api-key";
import { createChatTenant } from "@forecourt/core/chat/test-helpers";
import { redis } from "@forecourt/core/infra/redis";
import { ZWebhookEndpointWithSecret } from "@forecourt/protocol";
import { ownerDb } from "@forecourt/testing";
import {
  createWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhookEndpointsEndpoint,
  redeliverWebhookEndpoint,
  rotateWebhookSecretEndpoint,
  updateWebhookEndpointEndpoint,
} from "./endpoints/webhook-endpoints";

/*
 * /api/v1/webhook-endpoints through the API door with real keys: the webhooks:manage scope, no
 * dealer scope, and another tenant's endpoint is 404 on every route.
 */
const ip = () => ({ ip: `10.67.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

afterAll(async () => {
  await redis().quit();
});

describe("/api/v1/webhook-endpoints", () => {
  it("creates (secret once), lists, reads, changes, rotates, logs and deletes an endpoint; audited", async () => {
    const t = await createChatTenant("ApiHooks");
    const { token, key } = await createTestApiKey(t.customer.id, { scopes: ["webhooks:manage"] });
    const created = await createWebhookEndpointEndpoint.handle(
      token,
      { body: { url: "https://crm.example.com/hook", events: ["lead.created"] } },
      ip(),
    );
    expect(created).toMatchObject({ ok: true, httpStatus: 201 });
    const { endpoint, secret } = ZWebhookEndpointWithSecret.parse(created.ok ? created.data : null);
    expect(secret).toMatch(/^whsec_/);
    const params = { endpointId: endpoint.id };
    const listed = await listWebhookEndpointsEndpoint.handle(token, {}, ip());
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed).toMatchObject({ ok: true, data: { data: [{ id: endpoint.id, enabled: true }] } });
    expect(await getWebhookEndpointEndpoint.handle(token, { params }, ip())).toMatchObject({ ok: true });
    expect(
      await updateWebhookEndpointEndpoint.handle(
        token,
        { params, body: { enabled: false, events: ["message.created"] } },
        ip(),
      ),
    ).toMatchObject({ ok: true, data: { enabled: false, events: ["message.created"] } });
    const rotated = await rotateWebhookSecretEndpoint.handle(token, { params, body: {} }, ip());
    expect(rotated).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_/) } });
    expect(await listWebhookDeliveriesEndpoint.handle(token, { params, query: {} }, ip())).toMatchObject({
      ok: true,
      data: { data: [], nextCursor: null },
    });
    // (Private addresses are allowed by the test configuration; ip-policy.test.ts and the worker tests cover them.)
    expect(
      await updateWebhookEndpointEndpoint.handle(token, { params, body: { url: "ftp://crm.example.com/" } }, ip()),
    ).toMatchObject({
      ok: false,
      httpStatus: 400,
    });
    expect(await deleteWebhookEndpointEndpoint.handle(token, { params }, ip())).toMatchObject({ ok: true });
    const audit = await ownerDb().auditEvent.findMany({ where: { customerId: t.customer.id, targetId: endpoint.id } });
    expect(audit.map((e) => e.action).sort()).toEqual([
      "webhook_endpoint.created",
      "webhook_endpoint.deleted",
      "webhook_endpoint.secret_rotated",
      "webhook_endpoint.updated",
    ]);
    expect(audit.every((e) => (e.data as { apiKeyId?: string } | null)?.apiKeyId === key.id)).toBe(true);
  });

  it("refuses keys without the scope or with a dealer scope (403), and another tenant's objects (404)", async () => {
    const a = await createChatTenant("ApiHooksA");
    const b = await createChatTenant("ApiHooksB");
    const bKey = await createTestApiKey(b.customer.id, { scopes: ["webhooks:manage"] });
    const made = await createWebhookEndpointEndpoint.handle(
      bKey.token,
      { body: { url: "https://b.example.com/hook", events: ["message.created"] } },
      ip(),
    );
    const bEndpointId = made.ok ? (made.data as { endpoint: { id: string } }).endpoint.id : "";
    const event = await ownerDb().webhookEvent.create({ data: { customerId: b.customer.id, type: "message.created" } });
    const bDelivery = await ownerDb().webhookDelivery.create({
      data: { customerId: b.customer.id, endpointId: bEndpointId, eventId: event.id, status: "FAILED" },
    });

    const narrow = await createTestApiKey(a.customer.id, { scopes: ["conversations:read"] });
    expect(await listWebhookEndpointsEndpoint.handle(narrow.token, {}, ip())).toMatchObject({ httpStatus: 403 });
    const scoped = await createTestApiKey(a.customer.id, { scopes: ["webhooks:manage"], dealerIds: [a.dealer.id] });
    expect(await listWebhookEndpointsEndpoint.handle(scoped.token, {}, ip())).toMatchObject({
      httpStatus: 403,
      error: "tenant_wide_only",
    });

    const aKey = await createTestApiKey(a.customer.id, { scopes: ["webhooks:manage"] });
    const params = { endpointId: bEndpointId };
    const attempts = [
      await getWebhookEndpointEndpoint.handle(aKey.token, { params }, ip()),
      await updateWebhookEndpointEndpoint.handle(aKey.token, { params, body: { url: "https://evil.example/" } }, ip()),
      await deleteWebhookEndpointEndpoint.handle(aKey.token, { params }, ip()),
      await rotateWebhookSecretEndpoint.handle(aKey.token, { params, body: {} }, ip()),
      await listWebhookDeliveriesEndpoint.handle(aKey.token, { params, query: {} }, ip()),
      await redeliverWebhookEndpoint.handle(aKey.token, { params: { deliveryId: bDelivery.id } }, ip()),
    ];
    for (const r of attempts) expect(r).toMatchObject({ ok: false, httpStatus: 404 });
    expect(await listWebhookEndpointsEndpoint.handle(aKey.token, {}, ip())).toMatchObject({ data: { data: [] } });
    const after = await ownerDb().webhookEndpoint.findUniqueOrThrow({ where: { id: bEndpointId } });
    expect(after).toMatchObject({ url: "https://b.example.com/hook", status: "ACTIVE" });
  });
});
