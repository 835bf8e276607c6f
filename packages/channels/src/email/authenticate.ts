import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { evaluateDmarc } from "mailauth/lib/dmarc/index.js";
import { spf } from "mailauth/lib/spf/index.js";

/**
 * SPF, DKIM and DMARC of an inbound mail (mailauth's checks, imported one
 * by one: its main module loads BIMI, whose HTTP client, undici 8, needs Node 22). They need DNS; where there is none (a laptop, CI: EMAIL_AUTH_DNS=off) the results
 * are what they honestly are: "temperror" when a lookup failed, "none" when there was nothing to
 * check (an unsigned mail). `flagged` marks a sender the inbox warns about: DMARC failed, or
 * (without a DMARC pass) SPF failed and no DKIM signature passed.
 */
export type TAuthResult = "pass" | "fail" | "softfail" | "neutral" | "none" | "temperror" | "permerror" | "policy";
export type TEmailAuth = { spf: TAuthResult; dkim: TAuthResult; dmarc: TAuthResult; flagged: boolean };
/** mailauth's resolver: dns.promises.resolve's shape. */
export type TDnsResolver = (name: string, rrtype: string) => Promise<string[][] | string[]>;

const KNOWN: TAuthResult[] = ["pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", "policy"];
const result = (value: string | undefined): TAuthResult => {
  const v = value === "temperr" ? "temperror" : value;
  return KNOWN.includes(v as TAuthResult) ? (v as TAuthResult) : "none";
};

/** A resolver for machines without DNS: every lookup fails as a temporary error. */
export const offlineResolver: TDnsResolver = async () => {
  throw Object.assign(new Error("DNS lookups are off (EMAIL_AUTH_DNS=off)"), { code: "ETIMEOUT" });
};

export async function authenticateEmail(
  raw: Uint8Array,
  envelope: { ip: string; helo: string; mailFrom: string; mta: string },
  resolver?: TDnsResolver,
): Promise<TEmailAuth> {
  try {
    const dkim = await dkimVerify(Buffer.from(raw), { resolver, sender: envelope.mailFrom || undefined });
    const signatures = dkim.results ?? [];
    const passed = signatures.filter((r) => r.status.result === "pass");
    const helo = /^[\d.:]+$/.test(envelope.helo) ? `[${envelope.helo}]` : envelope.helo || `[${envelope.ip}]`;
    const spfResult = envelope.mailFrom
      ? await spf({ ip: envelope.ip, helo, sender: envelope.mailFrom, mta: envelope.mta, resolver })
      : false;
    const dmarc = dkim.headerFrom
      ? await evaluateDmarc({
          headerFrom: dkim.headerFrom,
          fromFields: dkim.fromFields,
          spfDomains: spfResult && spfResult.status.result === "pass" && spfResult.domain ? [spfResult.domain] : [],
          dkimDomains: passed.map((r) => ({
            id: r.id,
            domain: r.signingDomain ?? "",
            aligned: r.status.aligned,
            underSized: r.status.underSized,
          })),
          resolver,
        })
      : { response: false as const };
    const out: TEmailAuth = {
      spf: spfResult ? result(spfResult.status.result) : "none",
      dkim: passed.length > 0 ? "pass" : result(signatures[0]?.status.result),
      dmarc: dmarc.response ? result(dmarc.response.status.result) : "none",
      flagged: false,
    };
    out.flagged = out.dmarc === "fail" || (out.dmarc !== "pass" && out.spf === "fail" && out.dkim !== "pass");
    return out;
  } catch {
    return { spf: "temperror", dkim: "temperror", dmarc: "temperror", flagged: false };
  }
}
