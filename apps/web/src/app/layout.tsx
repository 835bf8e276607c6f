import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Forecourt", template: "%s · Forecourt" },
  description: "Every customer conversation, one inbox.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: Next.js puts the request's CSP nonce (src/proxy.ts)
  // on its scripts only when it renders the page for that request.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="bg-white font-sans text-zinc-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
