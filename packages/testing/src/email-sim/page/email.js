// The channel simulator's E-mail tab (email-plugin.ts): be a customer with a mail client.
// Everything shown came from outside: set as textContent, never as HTML.
(() => {
  const SAMPLE_HTML =
    "<p>Hello, is the <b>blue Golf</b> still available?</p>\n" +
    '<p><img src="https://cdn.example/golf.jpg" alt="The Golf" width="320"></p>\n' +
    '<img src="https://tracker.example/open.gif" width="1" height="1">\n' +
    '<script>alert("this never runs")</script>\n' +
    '<img src="x" onerror="alert(\'nor this\')">\n' +
    "<p>Kind regards,<br>Eva</p>";

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  function field(label, input) {
    const wrap = el("label", "em-field");
    wrap.append(el("span", "", label), input);
    return wrap;
  }

  window.ForecourtSimulator.registerTab({
    name: "email",
    mount(section, api) {
      const state = { replyTo: null, timer: null, dealer: null };
      // Our own root: the page lays plugin sections out as a centred flex row.
      const root = el("div", "em");
      section.append(root);
      const who = el("div", "em-who");
      const name = el("input");
      name.value = localStorage.getItem("sim:email:name") || "Eva de Boer";
      name.setAttribute("data-testid", "email-customer-name");
      const address = el("input");
      address.type = "email";
      address.value = localStorage.getItem("sim:email:address") || "eva.deboer@customer.example";
      address.setAttribute("data-testid", "email-customer-address");
      who.append(el("h2", "", "Be the customer"), field("Name", name), field("E-mail", address));

      const form = el("form", "em-compose");
      const to = el("output", "em-to");
      to.setAttribute("data-testid", "email-to");
      const subject = el("input");
      subject.value = "Test drive";
      subject.setAttribute("data-testid", "email-subject");
      const text = el("textarea");
      text.rows = 4;
      text.value = "Hello, can I test drive the Golf on Saturday?";
      text.setAttribute("data-testid", "email-text");
      const asHtml = el("input");
      asHtml.type = "checkbox";
      asHtml.setAttribute("data-testid", "email-as-html");
      const html = el("textarea", "em-html");
      html.rows = 6;
      html.value = SAMPLE_HTML;
      html.hidden = true;
      html.setAttribute("data-testid", "email-html");
      asHtml.addEventListener("change", () => (html.hidden = !asHtml.checked));
      const htmlToggle = el("label", "em-check");
      htmlToggle.append(
        asHtml,
        el(
          "span",
          "",
          "Also send an HTML version (with a script, a tracking pixel and a remote image, to see them made harmless)",
        ),
      );
      const replying = el("p", "em-replying");
      replying.hidden = true;
      const cancelReply = el("button", "em-link", "Write a new mail instead");
      cancelReply.type = "button";
      cancelReply.addEventListener("click", () => setReply(null));
      const send = el("button", "em-send", "Send");
      send.type = "submit";
      send.setAttribute("data-testid", "email-send");
      const status = el("p", "em-status");
      status.setAttribute("role", "status");
      status.setAttribute("data-testid", "email-status");
      form.append(
        field("To", to),
        field("Subject", subject),
        field("Message", text),
        htmlToggle,
        html,
        replying,
        send,
        status,
      );

      const box = el("ol", "em-box");
      box.setAttribute("aria-label", "Mailbox");
      box.setAttribute("data-testid", "email-mailbox");
      root.append(who, form, el("h2", "", "Mailbox"), box);

      function setReply(mail) {
        state.replyTo = mail;
        replying.hidden = !mail;
        replying.textContent = mail ? `Replying to “${mail.subject}” (${mail.from})` : "";
        if (mail) {
          replying.append(" ", cancelReply);
          subject.value = mail.subject.startsWith("Re:") ? mail.subject : `Re: ${mail.subject}`;
          text.value = "";
          text.focus();
        }
        to.textContent = mail?.replyTo || state.dealer?.inbound || "";
      }

      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        localStorage.setItem("sim:email:name", name.value);
        localStorage.setItem("sim:email:address", address.value);
        send.disabled = true;
        status.textContent = "Sending…";
        try {
          const response = await fetch("/__sim/email/send", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              dealer: api.dealer(),
              name: name.value,
              address: address.value,
              subject: subject.value,
              text: text.value,
              html: asHtml.checked ? html.value : "",
              replyTo: state.replyTo
                ? { messageId: state.replyTo.id, references: state.replyTo.references, address: state.replyTo.replyTo }
                : undefined,
            }),
          });
          const body = await response.json();
          status.textContent = body.mail ? `Server said: ${body.mail.outcome}` : body.error;
          if (body.mail && /^250/.test(body.mail.outcome)) setReply(null);
        } catch (error) {
          status.textContent = String(error);
        } finally {
          send.disabled = false;
          void refresh();
        }
      });

      async function refresh() {
        const dealer = api.dealer();
        if (!dealer || section.hidden) return;
        const response = await fetch(
          `/__sim/email/mailbox?dealer=${encodeURIComponent(dealer)}&address=${encodeURIComponent(address.value)}`,
        );
        if (!response.ok) return;
        const body = await response.json();
        state.dealer = body.dealer;
        if (!state.replyTo) to.textContent = body.dealer.inbound;
        render(body);
      }

      /** Threads: a mail's References start with its thread's first id; sent and received mail are grouped by it. */
      function render(body) {
        const items = [
          ...body.sent.map((m) => ({ ...m, kind: "sent" })),
          ...body.received.map((m) => ({ ...m, kind: "received" })),
        ];
        const rootOf = (m) => m.references?.[0] || m.inReplyTo || m.id;
        const threads = new Map();
        for (const m of items.sort((a, b) => a.at.localeCompare(b.at))) {
          const root = rootOf(m);
          if (!threads.has(root)) threads.set(root, []);
          threads.get(root).push(m);
        }
        box.replaceChildren();
        if (body.error) box.append(el("li", "em-empty", body.error));
        if (threads.size === 0 && !body.error)
          box.append(el("li", "em-empty", "No mail yet. Write to the dealer above."));
        for (const mails of [...threads.values()].reverse()) {
          const thread = el("li", "em-thread");
          thread.setAttribute("data-testid", "email-thread");
          thread.append(el("h3", "", mails[0].subject || "(no subject)"));
          for (const m of mails) {
            const item = el("article", `em-mail em-${m.kind}`);
            item.setAttribute("data-testid", `email-${m.kind}`);
            const meta = el("p", "em-meta", m.kind === "sent" ? `You → ${m.to} · ${m.outcome}` : `${m.from} → you`);
            item.append(meta, el("pre", "em-body", m.text || (m.html ? "(HTML only)" : "")));
            if (m.kind === "received" && m.attachments?.length)
              item.append(el("p", "em-meta", `Attachments: ${m.attachments.map((a) => a.fileName).join(", ")}`));
            if (m.kind === "received") {
              const reply = el("button", "em-link", "Reply");
              reply.type = "button";
              reply.setAttribute("data-testid", "email-reply");
              reply.addEventListener("click", () => setReply(m));
              item.append(reply);
            }
            thread.append(item);
          }
          box.append(thread);
        }
      }

      api.onDealerChange(() => {
        setReply(null);
        void refresh();
      });
      api.onShow(() => void refresh());
      address.addEventListener("change", () => void refresh());
      state.timer = setInterval(() => void refresh(), 2500);
      void refresh();
    },
  });
})();
