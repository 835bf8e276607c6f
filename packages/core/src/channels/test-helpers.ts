import { randomBytes } from "node:crypto";
import { emailRouteKey } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { ownerDb } from "@forecourt/testing";
import { encryptSecret } from "../crypto/secret-box";
import { verifyTokenRouteKey } from "./verify-meta-subscription";

let counter = 0;

/** A connected WhatsApp number or Messenger page with its routes, written directly. For tests only. */
export async function createMetaChannel(
  tenant: { customer: { id: string }; dealer: { id: string } },
  type: "WHATSAPP" | "MESSENGER",
  options: { status?: "ACTIVE" | "DISABLED" } = {},
) {
  counter += 1;
  const externalId = `${Date.now()}${process.pid}${counter}`.slice(-15);
  const appSecret = `app-secret-${randomBytes(8).toString("hex")}`;
  const accessToken = `EAAtoken${randomBytes(12).toString("hex")}`;
  const verifyToken = randomBytes(24).toString("base64url");
  const config =
    type === "WHATSAPP"
      ? { phoneNumberId: externalId, wabaId: `9${externalId}`, displayPhoneNumber: "+31 20 000 0000" }
      : { pageId: externalId, pageName: "Test page" };
  const secrets =
    type === "WHATSAPP"
      ? { accessToken, appSecret, verifyToken }
      : { pageAccessToken: accessToken, appSecret, verifyToken };
  const channel = await ownerDb().channel.create({
    data: {
      customerId: tenant.customer.id,
      dealerId: tenant.dealer.id,
      type,
      name: type === "WHATSAPP" ? "WhatsApp" : "Messenger",
      publicKey: `test-${type.toLowerCase()}-${externalId}`,
      status: options.status ?? "ACTIVE",
      config,
      externalId,
      secretsEncrypted: encryptSecret(JSON.stringify(secrets)),
    },
  });
  await ownerDb().channelRoute.createMany({
    data: [
      {
        key: `${type === "WHATSAPP" ? "whatsapp" : "messenger"}:${externalId}`,
        channelId: channel.id,
        routedCustomerId: tenant.customer.id,
      },
      { key: verifyTokenRouteKey(verifyToken), channelId: channel.id, routedCustomerId: tenant.customer.id },
    ],
  });
  return { channel, externalId, appSecret, accessToken, verifyToken, wabaId: `9${externalId}` };
}

/** A connected e-mail channel with its route, written directly. For tests only. */
export async function createEmailChannel(tenant: { customer: { id: string }; dealer: { id: string } }) {
  counter += 1;
  const localPart = `test-${randomBytes(5).toString("hex")}${counter}`;
  const domain = getConfig().EMAIL_INBOUND_DOMAIN;
  const channel = await ownerDb().channel.create({
    data: {
      customerId: tenant.customer.id,
      dealerId: tenant.dealer.id,
      type: "EMAIL",
      name: "E-mail",
      publicKey: `test-email-${localPart}`,
      config: {
        inboundLocalPart: localPart,
        inboundDomain: domain,
        fromName: "Test Motors",
        fromAddress: "sales@test-motors.example",
      },
      externalId: `${localPart}@${domain}`,
    },
  });
  await ownerDb().channelRoute.create({
    data: { key: emailRouteKey(localPart, domain), channelId: channel.id, routedCustomerId: tenant.customer.id },
  });
  return { channel, inboundAddress: `${localPart}@${domain}` };
}
