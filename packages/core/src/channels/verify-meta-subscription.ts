import { createHash } from "node:crypto";
import { metaHandshake } from "@forecourt/channels";
import { appDb } from "@forecourt/db";
import { z } from "zod";
import { ForbiddenError } from "../errors";

/** The GET Meta sends when the callback URL is saved (`hub.*` query parameters). */
export const ZMetaSubscription = z.object({
  "hub.mode": z.string().max(64).optional(),
  "hub.verify_token": z.string().max(512).optional(),
  "hub.challenge": z.string().max(512).optional(),
});

/** The route key of a verify token: only its SHA-256 is stored (ChannelRoute "meta-verify:<hex>"). */
export const verifyTokenRouteKey = (token: string) => `meta-verify:${createHash("sha256").update(token).digest("hex")}`;

/**
 * The handshake: 200 with the challenge when the token is one we generated for a connected
 * channel, else 403. The GET carries no signature; the token is the only proof.
 */
export async function verifyMetaSubscription(input: z.output<typeof ZMetaSubscription>): Promise<string> {
  const handshake = metaHandshake({
    mode: input["hub.mode"] ?? null,
    token: input["hub.verify_token"] ?? null,
    challenge: input["hub.challenge"] ?? null,
  });
  const token = input["hub.verify_token"];
  if (!handshake.ok || !token) throw new ForbiddenError("verification_failed", "The verify token does not match.");
  const route = await appDb().channelRoute.findUnique({ where: { key: verifyTokenRouteKey(token) } });
  if (!route) throw new ForbiddenError("verification_failed", "The verify token does not match.");
  return handshake.challenge;
}
