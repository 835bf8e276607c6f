/**
 * The demo dealer website (DEMO_SITE_PORT): a page per seeded dealer that embeds the widget
 * exactly as a dealer would, with one script tag. It runs on its own port, so it is a
 * different origin from the app, like a real dealer site.
 *
 * It also shows the JavaScript API (docs/widget.md): vehicle pages with "Chat about this car"
 * (setVehicle + open), a demo sign-in whose user id this server signs with the channel's
 * identity secret (identify, `?customer=sam`; `?customer=forged` sends a wrong hash), the
 * site's own open/close buttons, and a log of the widget's events.
 */
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { loadConfigOrExit } from "@forecourt/config";
import { getDemoWidgetIdentitySecret, getDemoWidgetKey } from "@forecourt/core/chat/get-demo-widget-key";

const config = loadConfigOrExit();
const dealers = [
  { slug: "demo-amsterdam", name: "Northwind Amsterdam", city: "Amsterdam" },
  { slug: "demo-copenhagen", name: "Northwind Copenhagen", city: "Copenhagen" },
  { slug: "demo-utrecht", name: "Van der Meer Auto Utrecht", city: "Utrecht" },
];
const DEMO_CARS = [
  { id: "volvo-ex30", make: "Volvo", model: "EX30", price: "€ 36.995", vin: "YV1XZK8V1P2000001", stock: "NW-1042" },
  { id: "skoda-enyaq", make: "Škoda", model: "Enyaq", price: "€ 42.490", vin: "TMBJC7NY5P0000002", stock: "NW-1077" },
  { id: "kia-ev6", make: "Kia", model: "EV6", price: "€ 47.950", vin: "KNACC81GFP5000003", stock: "NW-1103" },
];
/** The demo site's signed-in customer (a dealer's own user account, as its CRM knows it). */
const DEMO_CUSTOMER = {
  id: "demo-customer-1042",
  name: "Sam Jansen",
  email: "sam.jansen@example.com",
  phone: "+31 6 1234 5678",
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A value inside an inline <script>: JSON with `<` escaped, so no text can close the script element. */
const js = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

function page(title: string, body: string, script = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2937}
header{background:#111827;color:#fff;padding:24px 32px}header a{color:#bfdbfe}main{padding:32px;max-width:760px}a{color:#1d4ed8}
.cars{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}.car{border:1px solid #e5e7eb;border-radius:12px;padding:16px}
.bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:16px 0}button.site{font:inherit;border:1px solid #d1d5db;background:#fff;border-radius:8px;padding:6px 12px;cursor:pointer}
button.site.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}dl{display:grid;grid-template-columns:auto 1fr;gap:4px 16px}dt{color:#6b7280}
#fc-events{font:12px ui-monospace,monospace;color:#374151;background:#f9fafb;border:1px solid #e5e7eb;border-radius:8px;padding:8px 8px 8px 28px;max-height:160px;overflow:auto}</style>
</head><body>${body}${script}</body></html>`;
}

/** The embed: the queue stub first (calls before the loader arrive are kept), then the one script tag. */
function embed(key: string, calls: string) {
  return `<script>window.Forecourt=window.Forecourt||function(){(Forecourt.q=Forecourt.q||[]).push(arguments)};</script>
<script src="${escape(config.WEB_URL)}/widget.js" data-key="${escape(key)}" async></script>
<script>
(function(){var log=document.getElementById("fc-events");
function note(name,payload){if(!log)return;var li=document.createElement("li");li.textContent=name+(payload===undefined?"":" "+JSON.stringify(payload));log.appendChild(li);log.scrollTop=log.scrollHeight;}
["ready","open","close","message","unread"].forEach(function(name){Forecourt("on",name,function(p){note(name,p);});});
${calls}
document.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("[data-fc]");if(!b)return;
if(b.dataset.vehicle)Forecourt("setVehicle",JSON.parse(b.dataset.vehicle));Forecourt(b.dataset.fc);});})();
</script>`;
}

function identifyCall(slug: string, who: string | null): { call: string; label: string | null } {
  const secret = getDemoWidgetIdentitySecret({ slug });
  if (!secret || (who !== "sam" && who !== "forged")) return { call: "", label: null };
  // What a dealer's server does: sign its user's id with the channel's identity secret.
  const userHash = who === "sam" ? createHmac("sha256", secret).update(DEMO_CUSTOMER.id).digest("hex") : "0".repeat(64);
  return {
    call: `Forecourt("identify",${js({ ...DEMO_CUSTOMER, userHash })});`,
    label: who === "sam" ? `Signed in as ${DEMO_CUSTOMER.name}` : `Signed in as ${DEMO_CUSTOMER.name} (forged hash)`,
  };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = /^\/dealer\/([a-z-]+)(?:\/cars\/([a-z0-9-]+))?\/?$/.exec(url.pathname);
  const dealer = dealers.find((d) => d.slug === match?.[1]);
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
  const key = dealer ? getDemoWidgetKey({ slug: dealer.slug }) : null;
  const car = match?.[2] ? DEMO_CARS.find((c) => c.id === match[2]) : null;
  if (!dealer || !key || (match?.[2] && !car)) {
    res.statusCode = 404;
    res.end(page("Not found", "<main><h1>Not found</h1></main>"));
    return;
  }
  const who = url.searchParams.get("customer");
  const { call, label } = identifyCall(dealer.slug, who);
  const q = label ? `?customer=${encodeURIComponent(who!)}` : "";
  const home = `/dealer/${dealer.slug}`;
  const account = label
    ? `${escape(label)} · <a href="${home}">Sign out</a>`
    : `<a href="${home}?customer=sam">Sign in as ${escape(DEMO_CUSTOMER.name)}</a> (demo)`;
  const header = `<header><h1>${escape(dealer.name)}</h1><p>New and used cars in ${escape(dealer.city)}</p><p data-testid="demo-account">${account}</p></header>`;
  const controls = `<div class="bar"><button type="button" class="site" data-fc="open">Open chat</button><button type="button" class="site" data-fc="close">Close chat</button><button type="button" class="site" data-fc="toggle">Toggle chat</button></div>
<h3>Widget events</h3><ol id="fc-events" aria-label="Widget events"></ol>`;
  let body: string;
  if (car) {
    const vehicle = {
      vin: car.vin,
      stockNumber: car.stock,
      make: car.make,
      model: car.model,
      url: `http://localhost:${config.DEMO_SITE_PORT}${home}/cars/${car.id}`,
    };
    body = `${header}<main><p><a href="${home}${q}">← All cars</a></p><h2>${escape(car.make)} ${escape(car.model)}</h2>
<p>${escape(car.price)}</p><dl><dt>VIN</dt><dd>${escape(car.vin)}</dd><dt>Stock number</dt><dd>${escape(car.stock)}</dd></dl>
<div class="bar"><button type="button" class="site primary" data-fc="open" data-vehicle="${escape(JSON.stringify(vehicle))}">Chat about this car</button></div>${controls}</main>`;
  } else {
    const cards = DEMO_CARS.map(
      (c) =>
        `<div class="car"><strong>${escape(c.make)} ${escape(c.model)}</strong><p>${escape(c.price)}</p><a href="${home}/cars/${c.id}${q}">View this car</a></div>`,
    ).join("");
    body = `${header}<main><h2>In stock</h2><div class="cars">${cards}</div>
<p>Questions? Use the chat button in the corner.</p>${controls}<p><a href="/">All demo dealers</a></p></main>`;
  }
  res.end(page(car ? `${car.make} ${car.model} · ${dealer.name}` : dealer.name, body, embed(key, call)));
});
server.listen(config.DEMO_SITE_PORT, () => console.log(`[demo-site] http://localhost:${config.DEMO_SITE_PORT}/`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
