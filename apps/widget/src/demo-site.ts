/**
 * The demo dealer website (DEMO_SITE_PORT): a page per seeded dealer that embeds the widget
 * exactly as a dealer would, with one script tag. It runs on its own port, so it is a
 * different origin from the app, like a real dealer site.
 */
import { createServer } from "node:http";
import { loadConfigOrExit } from "@forecourt/config";
import { getDemoWidgetKey } from "@forecourt/core/chat/get-demo-widget-key";

const config = loadConfigOrExit();
const dealers = [
  { slug: "demo-amsterdam", name: "Northwind Amsterdam", city: "Amsterdam" },
  { slug: "demo-copenhagen", name: "Northwind Copenhagen", city: "Copenhagen" },
  { slug: "demo-utrecht", name: "Van der Meer Auto Utrecht", city: "Utrecht" },
];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, script = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2937}
header{background:#111827;color:#fff;padding:24px 32px}main{padding:32px;max-width:760px}a{color:#1d4ed8}
.cars{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}.car{border:1px solid #e5e7eb;border-radius:12px;padding:16px}</style>
</head><body>${body}${script}</body></html>`;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const slug = url.pathname.replace(/^\/dealer\//, "").replace(/\/$/, "");
  const dealer = dealers.find((d) => d.slug === slug);
  res.setHeader("content-type", "text/html; charset=utf-8");
  if (url.pathname === "/") {
    const links = dealers.map((d) => `<li><a href="/dealer/${d.slug}">${escape(d.name)}</a></li>`).join("");
    res.end(
      page(
        "Demo dealer websites",
        `<header><h1>Demo dealer websites</h1></header><main><p>Each page embeds the Forecourt chat widget with one script tag.</p><ul>${links}</ul></main>`,
      ),
    );
    return;
  }
  const key = getDemoWidgetKey({ slug });
  if (!dealer || !key) {
    res.statusCode = 404;
    res.end(page("Not found", "<main><h1>Not found</h1></main>"));
    return;
  }
  const tag = `<script src="${escape(config.WEB_URL)}/widget.js" data-key="${escape(key)}" async></script>`;
  res.end(
    page(
      dealer.name,
      `<header><h1>${escape(dealer.name)}</h1><p>New and used cars in ${escape(dealer.city)}</p></header>
<main><h2>In stock</h2><div class="cars"><div class="car"><strong>Volvo EX30</strong><p>€ 36.995</p></div><div class="car"><strong>Škoda Enyaq</strong><p>€ 42.490</p></div><div class="car"><strong>Kia EV6</strong><p>€ 47.950</p></div></div>
<p>Questions? Use the chat button in the corner.</p><p><a href="/">All demo dealers</a></p></main>`,
      tag,
    ),
  );
});
server.listen(config.DEMO_SITE_PORT, () => console.log(`[demo-site] http://localhost:${config.DEMO_SITE_PORT}/`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
