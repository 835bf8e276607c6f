import { getConfig } from "@forecourt/config";
import { checkEmailRecipient } from "@forecourt/core/channels/check-email-recipient";
import { receiveEmail } from "@forecourt/core/channels/receive-email";
import { InvalidInputError } from "@forecourt/core/errors";
import { createMailIngress } from "./ingress-server";

/**
 * The ingress wired to core (main.ts runs it; tests start it on port 0). It writes through
 * core's use cases like every other process: the one place that knows the rules. Kept thin on
 * purpose: no parsing, no database access of its own.
 */
export async function startMailIngress(options: { port: number; host?: string; maxBytes?: number }) {
  const config = getConfig();
  const ingress = createMailIngress({
    hostname: config.EMAIL_INBOUND_DOMAIN,
    maxBytes: options.maxBytes ?? config.EMAIL_MAX_BYTES,
    checkRecipient: async (address) => (await checkEmailRecipient({ address })).state,
    deliver: async (raw, envelope) => {
      try {
        await receiveEmail({ raw, envelope });
      } catch (error) {
        // Refused for good (no enabled recipient left, not a mail): 550, the sender gets a bounce.
        if (error instanceof InvalidInputError)
          throw Object.assign(new Error(`5.6.0 ${error.message}`), { smtpCode: 550 });
        throw error; // anything else: 451, the sending server retries (dedupe makes that safe)
      }
    },
  });
  const port = await ingress.listen(options.port, options.host ?? "127.0.0.1");
  return { port, close: () => ingress.close() };
}
