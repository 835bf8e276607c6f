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
    "@forecourt/config",
    "@forecourt/contract",
    "@forecourt/core",
    "@forecourt/db",
    "@forecourt/jobs",
  ],
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "bullmq", "ioredis"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
