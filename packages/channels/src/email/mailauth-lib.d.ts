/*
 * mailauth's checks, imported one by one: its main module also loads BIMI, whose HTTP client
 * (undici 8) needs Node 22, and we run on Node 20. These three need only DNS.
 */
declare module "mailauth/lib/dkim/verify" {
  export function dkimVerify(
    input: Buffer,
    options: { resolver?: unknown; sender?: string },
  ): Promise<{
    headerFrom?: string[];
    fromFields?: number;
    results?: {
      signingDomain?: string;
      id?: string;
      status: { result: string; aligned?: string | false; underSized?: number };
    }[];
  }>;
}
declare module "mailauth/lib/spf" {
  export function spf(options: {
    ip: string;
    helo: string;
    sender: string;
    mta: string;
    resolver?: unknown;
  }): Promise<{ status: { result: string }; domain?: string } | false>;
}
declare module "mailauth/lib/dmarc" {
  export function evaluateDmarc(options: {
    headerFrom: string[];
    fromFields?: number;
    spfDomains: string[];
    dkimDomains: { id?: string; domain?: string; aligned?: string | false; underSized?: number }[];
    resolver?: unknown;
  }): Promise<{ response?: { status: { result: string } } | false }>;
}
