import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { createWidgetChannel } from "../chat/widget-channels";
import { decryptSecret } from "../crypto/secret-box";
import { asAppError, ForbiddenError, InvalidInputError, NotFoundError, RuleError } from "../errors";
import type { TTenantPrincipal } from "../principal";
import { testMemberPrincipal } from "../test-principals";
import { connectMessengerChannel } from "./connect-messenger-channel";
import { connectWhatsAppChannel } from "./connect-whatsapp-channel";
import { getChannelConnectionInfo } from "./get-channel-connection-info";
import { listChannelConnections } from "./list-channel-connections";
import { listChannels } from "./list-channels";
import { regenerateVerifyToken } from "./regenerate-verify-token";
import { setChannelStatus } from "./set-channel-status";
import { updateChannelCredentials } from "./update-channel-credentials";
import { verifyMetaSubscription } from "./verify-meta-subscription";

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
const tenants: string[] = [];
let a: TTenant;
let b: TTenant;
/** A's second dealer: outside the scoped admin's dealer scope. */
let aSibling: { id: string; name: string };
let adminA: TTenantPrincipal;
let scopedAdminA: TTenantPrincipal;
let agentA: TTenantPrincipal;
let supervisorA: TTenantPrincipal;
let adminB: TTenantPrincipal;

/** A Meta id nobody else holds (the test database keeps routes of earlier runs). */
const metaId = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const token = (label: string) => `EAA${label}${crypto.randomUUID().replaceAll("-", "")}`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function member(customerId: string, role: "OWNER" | "ADMIN" | "SUPERVISOR" | "AGENT", dealerIds: string[] = []) {
  const { user } = await createTestUser({ customerId, role });
  return testMemberPrincipal(user.id, customerId, role, { dealerIds, ip: "10.42.0.1" });
}

function whatsapp(dealerId: string, phoneNumberId = metaId()) {
  return {
    dealerId,
    name: "",
    config: { phoneNumberId, wabaId: metaId(), displayPhoneNumber: "+31 20 555 0101" },
    secrets: { accessToken: token("wa"), appSecret: token("secret") },
  };
}

function messenger(dealerId: string, pageId = metaId()) {
  return {
    dealerId,
    name: "Facebook page",
    config: { pageId, pageName: "Northwind Amsterdam" },
    secrets: { pageAccessToken: token("page"), appSecret: token("secret") },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );
}

const routesOf = (channelId: string) =>
  ownerDb()
    .channelRoute.findMany({ where: { channelId }, orderBy: { key: "asc" } })
    .then((rows) => rows.map((r) => ({ key: r.key, routedCustomerId: r.routedCustomerId })));

beforeAll(async () => {
  a = await createTestTenant("Channels A");
  b = await createTestTenant("Channels B");
  tenants.push(a.customer.id, b.customer.id);
  aSibling = await ownerDb().dealer.create({ data: { customerId: a.customer.id, name: "Channels A Sibling" } });
  adminA = await member(a.customer.id, "ADMIN");
  scopedAdminA = await member(a.customer.id, "ADMIN", [a.dealer.id]);
  agentA = await member(a.customer.id, "AGENT");
  supervisorA = await member(a.customer.id, "SUPERVISOR");
  adminB = await member(b.customer.id, "ADMIN");
});

afterAll(async () => {
  await ownerDb().customer.deleteMany({ where: { id: { in: tenants } } });
});

describe("connecting WhatsApp", () => {
  it("stores the config, encrypts the secrets with a generated verify token and writes both routes", async () => {
    const input = whatsapp(a.dealer.id);
    const { channelId } = await connectWhatsAppChannel({ principal: adminA, ...input });

    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(row).toMatchObject({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      type: "WHATSAPP",
      status: "ACTIVE",
      externalId: input.config.phoneNumberId,
      name: `${a.dealer.name} WhatsApp`,
      config: input.config,
    });
    expect(row.publicKey).not.toMatch(/^wk_/);

    // At rest: only ciphertext. Nothing of the row (as the database holds it) shows a secret.
    const secrets = JSON.parse(decryptSecret(row.secretsEncrypted!)) as Record<string, string>;
    expect(secrets).toMatchObject(input.secrets);
    const verifyToken = secrets.verifyToken!;
    expect(verifyToken).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const [raw] = await ownerDb().$queryRaw<{ row: string }[]>`
      SELECT row_to_json(c)::text AS row FROM "Channel" c WHERE c.id = ${channelId}::uuid`;
    for (const secret of [input.secrets.accessToken, input.secrets.appSecret, verifyToken]) {
      expect(raw!.row).not.toContain(secret);
    }

    expect(await routesOf(channelId)).toEqual(
      [`whatsapp:${input.config.phoneNumberId}`, `meta-verify:${sha256(verifyToken)}`]
        .sort()
        .map((key) => ({ key, routedCustomerId: a.customer.id })),
    );

    const audit = await ownerDb().auditEvent.findFirstOrThrow({
      where: { customerId: a.customer.id, action: "channel.whatsapp.connected", targetId: channelId },
    });
    expect(audit.actorUserId).toBe(adminA.userId);
    expect(JSON.stringify(audit)).not.toContain(input.secrets.accessToken);
    expect(JSON.stringify(audit)).not.toContain(verifyToken);
  });

  it("shows the callback URL and verify token, and the token and app secret only masked", async () => {
    const input = whatsapp(a.dealer.id);
    const { channelId } = await connectWhatsAppChannel({ principal: adminA, ...input, name: "Sales WhatsApp" });
    const info = await getChannelConnectionInfo({ principal: adminA, channelId });
    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    const { verifyToken } = JSON.parse(decryptSecret(row.secretsEncrypted!)) as { verifyToken: string };
    expect(info).toMatchObject({
      type: "WHATSAPP",
      name: "Sales WhatsApp",
      status: "ACTIVE",
      dealer: { id: a.dealer.id, name: a.dealer.name },
      callbackUrl: `${getConfig().WEB_URL}/api/hooks/meta`,
      verifyToken,
      config: input.config,
      masked: {
        accessToken: `••••${input.secrets.accessToken.slice(-4)}`,
        appSecret: `••••${input.secrets.appSecret.slice(-4)}`,
      },
      templates: { count: 0, lastSyncedAt: null, items: [] },
      disabledByLifecycleOn: null,
    });
    const text = JSON.stringify(info);
    expect(text).not.toContain(input.secrets.accessToken);
    expect(text).not.toContain(input.secrets.appSecret);
  });

  it("lists the synced templates with their count and the last sync time", async () => {
    const { channelId } = await connectWhatsAppChannel({ principal: adminA, ...whatsapp(a.dealer.id) });
    const syncedAt = new Date("2026-11-30T10:00:00Z");
    await ownerDb().messageTemplate.createMany({
      data: [
        {
          name: "service_reminder",
          language: "nl",
          category: "UTILITY",
          status: "APPROVED" as const,
          body: "Hoi {{1}}",
        },
        { name: "appointment", language: "en", category: "UTILITY", status: "PENDING" as const, body: "See you {{1}}" },
      ].map((t, i) => ({
        ...t,
        customerId: a.customer.id,
        channelId,
        variableCount: 1,
        syncedAt: new Date(syncedAt.getTime() - i * 60_000),
      })),
    });
    const info = await getChannelConnectionInfo({ principal: adminA, channelId });
    expect(info.templates).toMatchObject({
      count: 2,
      lastSyncedAt: syncedAt,
      items: [
        { name: "appointment", language: "en", status: "PENDING" },
        { name: "service_reminder", language: "nl", status: "APPROVED" as const, body: "Hoi {{1}}" },
      ],
    });
  });

  it("refuses a phone number id already connected in another tenant, without saying where", async () => {
    const input = whatsapp(a.dealer.id);
    await connectWhatsAppChannel({ principal: adminA, ...input });
    const error = await rejection(
      connectWhatsAppChannel({ principal: adminB, ...whatsapp(b.dealer.id, input.config.phoneNumberId) }),
    );
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).code).toBe("channel_already_connected");
    const message = (error as RuleError).message;
    for (const secret of [a.customer.name, a.customer.id, a.dealer.name, a.dealer.id]) {
      expect(message).not.toContain(secret);
    }
    expect((error as RuleError).details).toBeUndefined();
    expect(await ownerDb().channel.count({ where: { customerId: b.customer.id } })).toBe(0);
    // The same tenant cannot connect it a second time either.
    const again = await rejection(connectWhatsAppChannel({ principal: adminA, ...input }));
    expect((again as RuleError).code).toBe("channel_already_connected");
  });

  it("lets one of two simultaneous connects of the same number win", async () => {
    const phoneNumberId = metaId();
    const results = await Promise.allSettled([
      connectWhatsAppChannel({ principal: adminA, ...whatsapp(a.dealer.id, phoneNumberId) }),
      connectWhatsAppChannel({ principal: adminB, ...whatsapp(b.dealer.id, phoneNumberId) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused!.reason as RuleError).code).toBe("channel_already_connected");
    expect(await ownerDb().channel.count({ where: { externalId: phoneNumberId } })).toBe(1);
  });

  it("refuses a dealer outside the principal's dealer scope or tenant as not found", async () => {
    const sibling = whatsapp(aSibling.id);
    const other = whatsapp(b.dealer.id);
    expect(await rejection(connectWhatsAppChannel({ principal: scopedAdminA, ...sibling }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(connectWhatsAppChannel({ principal: adminA, ...other }))).toBeInstanceOf(NotFoundError);
    // By number: the race above may have connected one of B's own numbers (whichever connect won).
    const ids = [sibling.config.phoneNumberId, other.config.phoneNumberId];
    expect(await ownerDb().channel.count({ where: { externalId: { in: ids } } })).toBe(0);
    // In scope: allowed.
    await expect(connectWhatsAppChannel({ principal: scopedAdminA, ...whatsapp(a.dealer.id) })).resolves.toBeTruthy();
  });

  it("refuses agents and supervisors", async () => {
    for (const principal of [agentA, supervisorA]) {
      const error = await rejection(connectWhatsAppChannel({ principal, ...whatsapp(a.dealer.id) }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).code).toBe("forbidden");
    }
  });

  it("validates the input with the channel's schema", async () => {
    const input = whatsapp(a.dealer.id);
    const error = await rejection(
      connectWhatsAppChannel({ principal: adminA, ...input, config: { ...input.config, phoneNumberId: "+31 6 12" } }),
    );
    expect(InvalidInputError.fromZod(error as never).issues.map((i) => i.path)).toEqual(["config.phoneNumberId"]);
  });
});

describe("connecting Messenger", () => {
  it("stores the page, the encrypted page token and its routes; a page is connected once", async () => {
    const input = messenger(a.dealer.id);
    const { channelId } = await connectMessengerChannel({ principal: adminA, ...input });
    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(row).toMatchObject({ type: "MESSENGER", externalId: input.config.pageId, name: "Facebook page" });
    expect(row.secretsEncrypted).not.toContain(input.secrets.pageAccessToken);
    const { verifyToken } = JSON.parse(decryptSecret(row.secretsEncrypted!)) as { verifyToken: string };
    expect((await routesOf(channelId)).map((r) => r.key).sort()).toEqual(
      [`messenger:${input.config.pageId}`, `meta-verify:${sha256(verifyToken)}`].sort(),
    );
    const info = await getChannelConnectionInfo({ principal: adminA, channelId });
    expect(info).toMatchObject({
      type: "MESSENGER",
      verifyToken,
      config: input.config,
      masked: { pageAccessToken: `••••${input.secrets.pageAccessToken.slice(-4)}` },
      templates: null,
    });
    const error = await rejection(
      connectMessengerChannel({ principal: adminB, ...messenger(b.dealer.id, input.config.pageId) }),
    );
    expect((error as RuleError).code).toBe("channel_already_connected");
  });
});

describe("credentials and the verify token", () => {
  it("rotating the token or app secret keeps the verify token and its route", async () => {
    const input = whatsapp(a.dealer.id);
    const { channelId } = await connectWhatsAppChannel({ principal: adminA, ...input });
    const before = await getChannelConnectionInfo({ principal: adminA, channelId });
    const routes = await routesOf(channelId);
    const accessToken = token("rotated");
    expect(await updateChannelCredentials({ principal: adminA, channelId, secrets: { accessToken } })).toEqual({
      updated: ["accessToken"],
    });
    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(JSON.parse(decryptSecret(row.secretsEncrypted!))).toEqual({
      accessToken,
      appSecret: input.secrets.appSecret,
      verifyToken: before.verifyToken,
    });
    expect(row.secretsEncrypted).not.toContain(accessToken);
    expect(await routesOf(channelId)).toEqual(routes);
    const after = await getChannelConnectionInfo({ principal: adminA, channelId });
    expect(after.type === "WHATSAPP" && after.masked.accessToken).toBe(`••••${accessToken.slice(-4)}`);
    const audit = await ownerDb().auditEvent.findFirstOrThrow({
      where: { action: "channel.credentials_updated", targetId: channelId },
    });
    expect(audit.data).toEqual({ fields: ["accessToken"] });
    expect(JSON.stringify(audit)).not.toContain(accessToken);

    // A Messenger field on a WhatsApp channel, nothing at all, and another dealer's channel are refused.
    expect(
      await rejection(
        updateChannelCredentials({ principal: adminA, channelId, secrets: { pageAccessToken: token("x") } }),
      ),
    ).toBeInstanceOf(InvalidInputError);
    const empty = await rejection(updateChannelCredentials({ principal: adminA, channelId, secrets: {} }));
    expect(asAppError(empty)?.code).toBe("invalid_input");
    expect(
      await rejection(updateChannelCredentials({ principal: adminB, channelId, secrets: { accessToken } })),
    ).toBeInstanceOf(NotFoundError);
  });

  it("regenerating the verify token replaces its route", async () => {
    const input = messenger(a.dealer.id);
    const { channelId } = await connectMessengerChannel({ principal: adminA, ...input });
    const old = await getChannelConnectionInfo({ principal: adminA, channelId });
    await regenerateVerifyToken({ principal: adminA, channelId });
    const next = await getChannelConnectionInfo({ principal: adminA, channelId });
    expect(next.verifyToken).not.toBe(old.verifyToken);
    expect((await routesOf(channelId)).map((r) => r.key).sort()).toEqual(
      [`messenger:${input.config.pageId}`, `meta-verify:${sha256(next.verifyToken)}`].sort(),
    );
    expect(await ownerDb().channelRoute.count({ where: { key: `meta-verify:${sha256(old.verifyToken)}` } })).toBe(0);
    // Meta's handshake: the new token verifies, the old one no longer does.
    const handshake = (token: string) =>
      verifyMetaSubscription({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "c-123" });
    await expect(handshake(next.verifyToken)).resolves.toBe("c-123");
    expect(await rejection(handshake(old.verifyToken))).toBeInstanceOf(ForbiddenError);
    expect(next.type === "MESSENGER" && next.masked.pageAccessToken).toBe(
      `••••${input.secrets.pageAccessToken.slice(-4)}`,
    );
  });

  it("a scoped administrator cannot read or change a sibling dealer's channel", async () => {
    const { channelId } = await connectWhatsAppChannel({ principal: adminA, ...whatsapp(aSibling.id) });
    for (const attempt of [
      () => getChannelConnectionInfo({ principal: scopedAdminA, channelId }),
      () => regenerateVerifyToken({ principal: scopedAdminA, channelId }),
      () => setChannelStatus({ principal: scopedAdminA, channelId, enabled: false }),
      () => getChannelConnectionInfo({ principal: adminB, channelId }),
      () => getChannelConnectionInfo({ principal: agentA, channelId }),
    ]) {
      expect(await rejection(attempt())).toBeInstanceOf(Error);
    }
    expect(await rejection(getChannelConnectionInfo({ principal: scopedAdminA, channelId }))).toBeInstanceOf(
      NotFoundError,
    );
    const connections = await listChannelConnections({ principal: scopedAdminA });
    expect(connections.map((c) => c.channelId)).not.toContain(channelId);
    expect(connections.every((c) => c.dealer.id === a.dealer.id)).toBe(true);
    const all = await listChannelConnections({ principal: adminA });
    expect(all.find((c) => c.channelId === channelId)).toEqual(
      await getChannelConnectionInfo({ principal: adminA, channelId }),
    );
    expect(await rejection(listChannelConnections({ principal: agentA }))).toBeInstanceOf(ForbiddenError);
    const listed = await listChannels({ principal: scopedAdminA });
    expect(listed.dealers.map((d) => d.id)).toEqual([a.dealer.id]);
    expect(listed.channels.map((c) => c.id)).not.toContain(channelId);
    expect(listed.channels.every((c) => c.dealerId === a.dealer.id)).toBe(true);
    expect((await listChannels({ principal: adminA })).channels.map((c) => c.id)).toContain(channelId);
    expect((await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } })).status).toBe("ACTIVE");
  });
});

describe("disabling and enabling", () => {
  it("works for Meta channels and website chat alike, audited", async () => {
    const { channelId } = await connectWhatsAppChannel({ principal: adminA, ...whatsapp(a.dealer.id) });
    const widget = await createWidgetChannel({ agent: adminA, dealerId: a.dealer.id, name: "" });
    for (const id of [channelId, widget.channelId]) {
      expect(await setChannelStatus({ principal: adminA, channelId: id, enabled: false })).toEqual({
        status: "DISABLED",
      });
      expect((await ownerDb().channel.findUniqueOrThrow({ where: { id } })).status).toBe("DISABLED");
      expect(await setChannelStatus({ principal: adminA, channelId: id, enabled: true })).toEqual({
        status: "ACTIVE",
      });
      const actions = await ownerDb().auditEvent.findMany({
        where: { targetId: id, action: { in: ["channel.disabled", "channel.enabled"] } },
        orderBy: { createdAt: "asc" },
      });
      expect(actions.map((e) => e.action)).toEqual(["channel.disabled", "channel.enabled"]);
    }
    // Routes stay while disabled (webhooks are refused, not lost).
    await setChannelStatus({ principal: adminA, channelId, enabled: false });
    expect(await routesOf(channelId)).toHaveLength(2);
    expect(await rejection(setChannelStatus({ principal: agentA, channelId, enabled: true }))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("an active customer's admin may enable a channel the termination disabled; the mark goes", async () => {
    const { channelId } = await connectWhatsAppChannel({ principal: adminA, ...whatsapp(a.dealer.id) });
    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    await ownerDb().channel.update({
      where: { id: channelId },
      data: { status: "DISABLED", config: { ...(row.config as object), disabledByLifecycleOn: "2026-06-01" } },
    });
    expect((await getChannelConnectionInfo({ principal: adminA, channelId })).disabledByLifecycleOn).toBe("2026-06-01");
    await setChannelStatus({ principal: adminA, channelId, enabled: true });
    const after = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(after.status).toBe("ACTIVE");
    expect(after.config).toEqual(row.config);
  });
});

describe("a terminated customer in its read-only period", () => {
  it("refuses connecting, credentials, the verify token and enabling a channel the termination disabled", async () => {
    const t = await createTestTenant("Channels Terminated");
    tenants.push(t.customer.id);
    // The session may be seconds stale (readOnly false): inTenant re-reads the customer's status.
    const admin = await member(t.customer.id, "ADMIN");
    const { channelId } = await connectWhatsAppChannel({ principal: admin, ...whatsapp(t.dealer.id) });
    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    await ownerDb().channel.update({
      where: { id: channelId },
      data: { status: "DISABLED", config: { ...(row.config as object), disabledByLifecycleOn: "2026-06-01" } },
    });
    await ownerDb().customer.update({ where: { id: t.customer.id }, data: { status: "TERMINATED" } });
    const readOnly = { ...admin, tenant: { ...admin.tenant, readOnly: true } };
    for (const principal of [admin, readOnly]) {
      for (const attempt of [
        () => setChannelStatus({ principal, channelId, enabled: true }),
        () => connectWhatsAppChannel({ principal, ...whatsapp(t.dealer.id) }),
        () => connectMessengerChannel({ principal, ...messenger(t.dealer.id) }),
        () => updateChannelCredentials({ principal, channelId, secrets: { appSecret: token("new") } }),
        () => regenerateVerifyToken({ principal, channelId }),
      ]) {
        const error = await rejection(attempt());
        expect(error).toBeInstanceOf(ForbiddenError);
        expect((error as ForbiddenError).code).toBe("read_only");
      }
    }
    const after = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(after.status).toBe("DISABLED");
    expect(after.secretsEncrypted).toBe(row.secretsEncrypted);
    expect(await ownerDb().channel.count({ where: { customerId: t.customer.id } })).toBe(1);
  });
});
