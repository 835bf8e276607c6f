// The channel simulator's SMS tab: a phone's Messages app for the selected dealer's number.
// Plain script (the page's CSP allows 'self' only: no inline code, no inline styles).
(() => {
  const STATUS_TEXT = {
    accepted: "Accepted",
    queued: "Queued",
    sending: "Sending",
    sent: "Sent",
    delivered: "Delivered",
    undelivered: "Not delivered",
    failed: "Failed",
  };
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const time = (at) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

  window.ForecourtSimulator.registerTab({
    name: "sms",
    mount(section, api) {
      const state = {
        dealers: [],
        threads: new Map(),
        customer: localStorage.getItem("sim:sms:from") || "+31612345678",
      };
      section.classList.add("sms-phone");
      const screen = el("div", "sms-screen");
      const head = el("div", "sms-head");
      const title = el("strong", "sms-title");
      const subtitle = el("small", "sms-subtitle");
      head.append(title, subtitle);
      const who = el("form", "sms-who");
      const whoLabel = el("label", "", "Your number ");
      const whoInput = el("input");
      whoInput.name = "from";
      whoInput.inputMode = "tel";
      whoInput.autocomplete = "off";
      whoInput.maxLength = 16;
      whoInput.value = state.customer;
      whoInput.setAttribute("aria-label", "Your phone number");
      whoLabel.append(whoInput);
      who.append(whoLabel);
      const banner = el("div", "sms-banner");
      banner.setAttribute("role", "status");
      banner.hidden = true;
      const log = el("div", "sms-messages");
      log.setAttribute("role", "log");
      log.setAttribute("aria-live", "polite");
      const composer = el("form", "sms-composer");
      const file = el("input");
      file.type = "file";
      file.hidden = true;
      file.accept = "image/jpeg,image/png,image/gif";
      const attach = el("button", "sms-attach", "+");
      attach.type = "button";
      attach.setAttribute("aria-label", "Send a picture (MMS)");
      attach.title = "Picture (MMS)";
      const text = el("input", "sms-text");
      text.placeholder = "Text message";
      text.autocomplete = "off";
      text.maxLength = 1600;
      text.setAttribute("aria-label", "Text message");
      const send = el("button", "sms-send", "Send");
      send.type = "submit";
      composer.append(attach, file, text, send);
      screen.append(head, who, banner, log, composer);
      section.append(screen);

      const dealer = () => state.dealers.find((d) => d.label === api.dealer()) ?? null;
      const thread = () => {
        const d = dealer();
        return d ? state.threads.get(`${d.number}|${state.customer}`) : undefined;
      };

      function bubble(m) {
        const row = el("div", `sms-row ${m.from === "customer" ? "out" : "in"}`);
        const b = el("div", "sms-bubble");
        b.dataset.testid = m.from === "customer" ? "sms-customer-message" : "sms-business-message";
        for (const media of m.media) {
          if (media.url && media.mimeType.startsWith("image/")) {
            const img = el("img", "sms-image");
            img.src = media.url;
            img.alt = "Picture";
            b.append(img);
          } else b.append(el("span", "sms-file", `📎 ${media.mimeType || "file"}`));
        }
        if (m.text) b.append(el("span", "sms-body", m.text));
        const meta = el("span", "sms-meta");
        meta.append(el("span", "", time(m.at)));
        const status =
          m.from === "customer"
            ? m.state === "failed"
              ? `Not taken: ${m.error ?? "error"}`
              : m.state === "pending"
                ? "Sending…"
                : "Sent"
            : `${STATUS_TEXT[m.status] ?? m.status ?? ""}${m.error ? ` · ${m.error}` : ""}`;
        const s = el("span", `sms-status ${m.status ?? m.state ?? ""}`, status);
        s.dataset.testid = "sms-status";
        meta.append(s);
        b.append(meta);
        row.append(b);
        return row;
      }

      function render() {
        const d = dealer();
        title.textContent = d ? d.label : "No SMS number for this dealer";
        subtitle.textContent = d ? `${d.number} · SMS through Twilio` : "Run the seed (pnpm db:seed) to connect one.";
        composer.hidden = !d;
        log.replaceChildren(...(thread()?.messages ?? []).map(bubble));
        log.scrollTop = log.scrollHeight;
      }

      async function load() {
        const response = await fetch("/__sim/sms/state");
        const body = await response.json();
        state.dealers = body.dealers;
        state.threads = new Map(body.threads.map((t) => [t.key, t]));
        render();
      }

      async function post(body) {
        const d = dealer();
        if (!d) return;
        banner.hidden = true;
        const response = await fetch("/__sim/sms/send", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ to: d.number, from: state.customer, ...body }),
        });
        if (!response.ok) {
          banner.textContent = (await response.json().catch(() => ({}))).error ?? "Could not send.";
          banner.hidden = false;
        }
      }

      who.addEventListener("submit", (e) => e.preventDefault());
      whoInput.addEventListener("change", () => {
        const value = whoInput.value.replace(/[\s().-]/g, "");
        if (!/^\+\d{6,15}$/.test(value)) {
          banner.textContent = "A number in international format, e.g. +31612345678.";
          banner.hidden = false;
          return;
        }
        banner.hidden = true;
        state.customer = value;
        localStorage.setItem("sim:sms:from", value);
        render();
      });
      composer.addEventListener("submit", (e) => {
        e.preventDefault();
        const body = text.value;
        if (!body.trim()) return;
        text.value = "";
        void post({ body });
      });
      attach.addEventListener("click", () => file.click());
      file.addEventListener("change", () => {
        const chosen = file.files?.[0];
        file.value = "";
        if (!chosen) return;
        const reader = new FileReader();
        reader.onload = () => {
          const base64 = String(reader.result).split(",")[1] ?? "";
          void post({ body: text.value, media: [{ bytesBase64: base64, mimeType: chosen.type }] });
          text.value = "";
        };
        reader.readAsDataURL(chosen);
      });

      api.onDealerChange(() => render());
      api.onShow(() => void load());
      api.onEvent((kind, data) => {
        if (kind === "thread") {
          state.threads.set(data.key, data);
          render();
        } else if (kind === "accounts") void load();
      });
      void load();
    },
  });
})();
