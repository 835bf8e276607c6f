import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // Internal packages are consumed from source (no stale dist/).
  transpilePackages: [
    "@forecourt/auth",
    "@forecourt/channels",
    "@forecourt/config",
    "@forecourt/contract",
    "@forecourt/core",
    "@forecourt/db",
    "@forecourt/jobs",
    "@forecourt/protocol",
    "@forecourt/widget",
  ],
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "bullmq", "ioredis", "twilio"],
  poweredByHeader: false,
  async headers() {
    // The widget iframe page sets its own frame-ancestors (the embedding origin) and its own
    // Referrer-Policy (no-referrer: its URL names the dealer page); a header from here would
    // override the route's, so the frame only gets the ones it does not set itself.
    return [
      { source: "/((?!widget/frame).*)", headers: securityHeaders },
      {
        source: "/widget/frame",
        headers: securityHeaders.filter((h) => h.key !== "X-Frame-Options" && h.key !== "Referrer-Policy"),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
