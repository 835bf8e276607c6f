import { z } from "zod";
import { validTrustedProxies } from "./client-address";

/** Every environment variable Forecourt reads. `.env.example` documents each one. */
export const ZEnv = z.object({
  /**
   * Where this runs. Outside "production", missing secrets are generated once into
   * .forecourt/dev-secrets.json. (NODE_ENV belongs to Next.js and is "production" under
   * `next start` even on a laptop, so it cannot decide this.)
   */
  APP_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Owner connection: migrations, seed and retention deletes. Never used by request handlers. */
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/forecourt"),
  /** Runtime connection as a role without superuser or BYPASSRLS. Derived from DATABASE_URL when unset. */
  APP_DATABASE_URL: z.url().optional(),
  APP_DATABASE_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, "must be a lower-case SQL identifier")
    .default("forecourt_app"),
  /** Connections per process in the runtime pool (web, gateway, worker each have their own). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  /** Prefix of every Redis key this deployment writes, so tests and dev can share one server. */
  REDIS_PREFIX: z.string().min(1).default("fc"),
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The public URL of the web app (Auth.js uses it for redirects). */
  WEB_URL: z.url().default("http://localhost:3000"),
  /** Signs session tokens. Generated once into .forecourt/dev-secrets.json outside production. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** 32 bytes, base64: encrypts secrets at rest (channel tokens, TOTP seeds). */
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64"),
  /** Password of APP_DATABASE_ROLE when APP_DATABASE_URL is derived. */
  APP_DATABASE_PASSWORD: z.string().min(12, "must be at least 12 characters"),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  /** Window of the sign-in limits, in seconds. */
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** The Socket.io gateway (live chat) and the URL browsers use to reach it. */
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  GATEWAY_URL: z.url().default("http://localhost:3001"),
  /** The demo dealer website that embeds the widget (a different origin from the app). */
  DEMO_SITE_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  /**
   * Meta's Graph API (WhatsApp Cloud API, Messenger Send API). The real host by default; tests
   * and the start command point it at the local stand-in (packages/testing meta-graph).
   */
  META_GRAPH_URL: z.url().default("https://graph.facebook.com"),
  META_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, "must look like v23.0")
    .default("v23.0"),
  /** A Graph call that takes longer is abandoned and retried by the delivery job. */
  META_GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * Twilio's REST API (SMS/MMS through each dealer's own account). The real host by default; the
   * `twilio` SDK's requests to https://api.twilio.com are rebased onto it, and MMS media are
   * fetched only from this origin. Tests and the start command point it at the Twilio stand-in.
   */
  TWILIO_API_URL: z.url().default("https://api.twilio.com"),
  /** A Twilio call (send, media download) that takes longer is abandoned and retried by its job. */
  TWILIO_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** The Twilio stand-in (packages/testing/src/twilio) the start command runs for the demo. */
  TWILIO_STANDIN_PORT: z.coerce.number().int().min(1).max(65535).default(3006),
  /**
   * Telegram's Bot API (`<url>/bot<token>/<method>`, files at `<url>/file/bot<token>/<path>`).
   * The real host by default; tests and the start command point it at the local stand-in
   * (packages/testing telegram). Inbound files are only ever downloaded from this host.
   */
  TELEGRAM_API_URL: z.url().default("https://api.telegram.org"),
  /** A Bot API call that takes longer is abandoned and retried by the delivery job. */
  TELEGRAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Where the channel simulator runs the Telegram Bot API stand-in (demo and tests). */
  TELEGRAM_STANDIN_PORT: z.coerce.number().int().min(1).max(65535).default(3008),
  /** The channel simulator (a Meta stand-in with phone-like WhatsApp and Messenger chats) in the demo. */
  CHANNEL_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  /**
   * Where attachment bytes are stored (local disk; one folder per tenant). A relative path is
   * relative to the repository root, whatever the process's working directory (config.storageDir).
   */
  STORAGE_DIR: z.string().min(1).default(".forecourt/storage"),
  /** The orphan sweep deletes unreferenced files only when they are older than this (hours). */
  STORAGE_ORPHAN_GRACE_HOURS: z.coerce.number().min(0).default(24),
  /** Outgoing mail (SMTP). The start command runs a local mail catcher on this port. */
  SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default("Forecourt <no-reply@forecourt.example>"),
  /** The local mail catcher's web page, where the start command says to read mail. */
  MAIL_CATCHER_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(1080),
  /**
   * The e-mail channel's SMTP ingress (apps/mail-ingress): in production the MX of
   * EMAIL_INBOUND_DOMAIN points at it (or a relay in front of it forwards there).
   */
  SMTP_INGRESS_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  /** The interface it listens on; 0.0.0.0 behind a real MX. */
  SMTP_INGRESS_HOST: z.string().min(1).default("127.0.0.1"),
  /** Dealers' mailboxes forward to <generated>@EMAIL_INBOUND_DOMAIN; our Reply-To addresses live there too. */
  EMAIL_INBOUND_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a domain name")
    .default("in.forecourt.example"),
  /** The largest inbound e-mail accepted (bytes, announced as SMTP SIZE; larger → 552). */
  EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(10_000)
    .max(100 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /**
   * SPF/DKIM/DMARC checks of inbound mail need DNS. "off" (no DNS here: laptops, CI) records
   * every check as temperror/none instead of waiting for lookups that cannot answer.
   */
  EMAIL_AUTH_DNS: z.enum(["system", "off"]).default("system"),
  /** Provider support's address for misuse reports and breach notices (RULES.md §1, §6). */
  PROVIDER_SUPPORT_EMAIL: z.email().default("support@forecourt.example"),
  /** Live-chat abuse limits (per IP and per widget channel); see docs/realtime.md. */
  CHAT_LIMIT_CONVERSATIONS_PER_IP_HOUR: z.coerce.number().int().min(1).default(20),
  CHAT_LIMIT_CONVERSATIONS_PER_CHANNEL_HOUR: z.coerce.number().int().min(1).default(2000),
  CHAT_LIMIT_MESSAGES_PER_IP_MINUTE: z.coerce.number().int().min(1).default(60),
  CHAT_LIMIT_MESSAGES_PER_CHANNEL_MINUTE: z.coerce.number().int().min(1).default(6000),
  CHAT_LIMIT_UPLOADS_PER_IP_HOUR: z.coerce.number().int().min(1).default(30),
  CHAT_LIMIT_UPLOADS_PER_CHANNEL_HOUR: z.coerce.number().int().min(1).default(1000),
  /** Public API rate limits (docs/api.md#rate-limits): requests per minute per key and per tenant. */
  API_RATE_LIMIT_PER_KEY_MINUTE: z.coerce.number().int().min(1).default(1200),
  API_RATE_LIMIT_PER_TENANT_MINUTE: z.coerce.number().int().min(1).default(3000),
  /** How often each gateway re-checks that its agents' sign-in sessions still hold (ms). */
  GATEWAY_SESSION_RECHECK_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * Proxies (load balancers) whose X-Forwarded-For is believed: comma-separated IPs or CIDRs
   * (also "loopback", "uniquelocal"). Default none: the client address is the socket's peer.
   * Read by apps/web's server and by the gateway (client-address.ts).
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(validTrustedProxies, "must be comma-separated IP addresses or CIDR ranges"),
  /**
   * Web Push (docs/push.md): the VAPID key pair that signs our pushes (P-256, base64url: the
   * public key 65 bytes uncompressed, the private key 32 bytes). Generated once into
   * .forecourt/dev-secrets.json outside production, like the other secrets.
   */
  VAPID_PUBLIC_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64url").length === 65, "must be a 65-byte P-256 public key, base64url"),
  VAPID_PRIVATE_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64url").length === 32, "must be a 32-byte P-256 private key, base64url"),
  /** Who the push services may contact about our pushes (a mailto: or https: URL). */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "must start with mailto: or https://")
    .default("mailto:support@forecourt.example"),
  /**
   * The push services a browser's subscription may point at (host names; "*.example.com" covers
   * subdomains): we POST to that URL, so anything else is refused (SSRF). Chrome, Edge, Firefox
   * and Safari by default. Tests add 127.0.0.1, the one host allowed over plain http, which
   * production refuses.
   */
  PUSH_SERVICE_HOSTS: z
    .string()
    .default("fcm.googleapis.com,*.push.services.mozilla.com,*.notify.windows.com,*.push.apple.com")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * Outbound webhooks (docs/webhooks.md). Targets on private, loopback, link-local, CGNAT,
   * multicast and unique-local addresses are refused (SSRF) unless this is "true", which only
   * the test and development configuration may set: it is refused when APP_ENV is production.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** One delivery attempt is abandoned after this long (ms). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Exponential backoff: attempt n waits base × 2^(n-1). 20 s over 13 attempts is about 23 h in all. */
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(20_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(13),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type TEnv = z.infer<typeof ZEnv>;
