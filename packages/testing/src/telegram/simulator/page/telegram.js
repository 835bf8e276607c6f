// The channel simulator's Telegram tab: a phone-like Telegram chat with the selected dealer's bot.
// Plain script, no build step, nothing inline (the page's policy). State from
// /__sim/telegram/state, live updates from /__sim/telegram/events (server-sent events).
"use strict";

(() => {
  const BASE = "/__sim/telegram";
  const PRESETS = ["Sophie Bakker", "Daan de Jong", "Emma Visser"];
  const state = { bots: [], threads: new Map(), name: localStorage.getItem("sim:tg:name") || PRESETS[0] };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  };
  // Icons as SVG (emoji need a font the machine may not have). Lucide's paths, drawn with DOM calls.
  const ICONS = {
    attach:
      "m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l8.57-8.57A4 4 0 1 1 18 8.84l-8.59 8.57a2 2 0 0 1-2.83-2.83l8.49-8.48",
    locate: "M20 10c0 6-8 12-8 12s-8-6-8-12a8 8 0 0 1 16 0Z M12 7a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z",
    mic: "M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3Z M19 10v2a7 7 0 0 1-14 0v-2 M12 19v3",
    send: "m22 2-7 20-4-9-9-4Z M22 2 11 13",
  };
  function icon(name) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    for (const [k, v] of Object.entries({
      viewBox: "0 0 24 24",
      width: "20",
      height: "20",
      fill: "none",
      stroke: "currentColor",
      "stroke-width": "2",
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
      "aria-hidden": "true",
    }))
      svg.setAttribute(k, v);
    const path = document.createElementNS(NS, "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  }
  const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

  function mount(section, api) {
    section.classList.add("tg");
    const phone = el("div", "tg-phone");
    const header = el("header", "tg-header");
    const avatar = el("div", "tg-avatar", "");
    const title = el("div", "tg-title");
    const botName = el("strong", "tg-bot-name", "…");
    const botUser = el("span", "tg-bot-user", "");
    title.append(botName, botUser);
    header.append(avatar, title);

    const who = el("div", "tg-who");
    const whoLabel = el("label", "tg-who-label", "You are ");
    const nameInput = el("input", "tg-name");
    nameInput.type = "text";
    nameInput.maxLength = 64;
    nameInput.value = state.name;
    nameInput.setAttribute("aria-label", "Customer name");
    nameInput.setAttribute("list", "tg-presets");
    const presets = el("datalist");
    presets.id = "tg-presets";
    for (const p of PRESETS) presets.append(Object.assign(el("option"), { value: p }));
    const block = el("button", "tg-block", "Block bot");
    block.type = "button";
    whoLabel.append(nameInput);
    who.append(whoLabel, presets, block);

    const list = el("ol", "tg-messages");
    list.setAttribute("aria-live", "polite");
    list.setAttribute("aria-label", "Telegram chat");
    const notice = el("p", "tg-notice");

    const composer = el("form", "tg-composer");
    const attach = el("button", "tg-icon tg-attach");
    attach.append(icon("attach"));
    attach.type = "button";
    attach.title = "Send a photo or file";
    attach.setAttribute("aria-label", "Send a photo or file");
    const fileInput = el("input");
    fileInput.type = "file";
    fileInput.hidden = true;
    const text = el("input", "tg-text");
    text.type = "text";
    text.placeholder = "Message";
    text.setAttribute("aria-label", "Telegram message");
    const locate = el("button", "tg-icon tg-locate");
    locate.append(icon("locate"));
    locate.type = "button";
    locate.title = "Share a location";
    locate.setAttribute("aria-label", "Share a location");
    const mic = el("button", "tg-icon tg-mic");
    mic.append(icon("mic"));
    mic.type = "button";
    mic.title = "Record a voice note";
    mic.setAttribute("aria-label", "Record a voice note");
    const send = el("button", "tg-send");
    send.append(icon("send"));
    send.type = "submit";
    send.setAttribute("aria-label", "Send");
    composer.append(attach, fileInput, text, locate, mic, send);

    phone.append(header, who, list, notice, composer);
    section.replaceChildren(phone);

    const bot = () => state.bots.find((b) => b.label === api.dealer()) ?? null;
    const userKey = () => {
      const b = bot();
      const t = [...state.threads.values()].find(
        (th) =>
          b && th.botId === b.id && [th.user.firstName, th.user.lastName].filter(Boolean).join(" ") === state.name,
      );
      return t ?? null;
    };

    function render() {
      const b = bot();
      botName.textContent = b ? b.name : "No Telegram bot";
      avatar.textContent = b ? b.name.slice(0, 1).toUpperCase() : "?";
      botUser.textContent = b ? `@${b.username}${b.connected ? "" : " · not connected"}` : "";
      notice.textContent = !b
        ? "This dealer has no Telegram bot in the simulator. Run the seed."
        : b.connected
          ? ""
          : "Connect this bot in Forecourt (Settings → Channels) before writing to it.";
      const thread = userKey();
      block.textContent = thread?.blocked ? "Unblock bot" : "Block bot";
      block.disabled = !thread;
      list.replaceChildren(...(thread ? thread.messages.map((m) => bubble(thread, m)) : []));
      list.scrollTop = list.scrollHeight;
    }

    function bubble(thread, m) {
      const li = el("li", `tg-msg tg-${m.from}`);
      li.dataset.state = m.state;
      if (m.file && m.kind === "photo") {
        const img = el("img", "tg-photo");
        img.src = `${BASE}/file/${m.file.fileId}`;
        img.alt = "Photo";
        li.append(img);
      } else if (m.file && (m.kind === "voice" || m.kind === "audio")) {
        const audio = el("audio", "tg-audio");
        audio.controls = true;
        audio.preload = "metadata";
        audio.src = `${BASE}/file/${m.file.fileId}`;
        li.append(audio);
      } else if (m.file) {
        const a = el("a", "tg-file", m.file.fileName || "File");
        a.href = `${BASE}/file/${m.file.fileId}`;
        a.download = m.file.fileName || "file";
        li.append(a);
      } else if (m.location) {
        const place = el("span", "tg-location");
        place.append(icon("locate"), ` ${m.location.latitude}, ${m.location.longitude}`);
        li.append(place);
      }
      if (m.text) li.append(el("span", "tg-body", m.text));
      const meta = el("span", "tg-meta", time(m.at));
      if (m.from === "customer")
        meta.append(el("span", "tg-ticks", m.state === "delivered" ? " ✓✓" : m.state === "failed" ? " !" : " …"));
      li.append(meta);
      if (m.state === "failed") {
        const why = el("span", "tg-error", m.error || "Not delivered");
        const again = el("button", "tg-retry", "Retry");
        again.type = "button";
        again.addEventListener("click", () => post("/retry", { key: thread.key, id: m.id }));
        li.append(why, again);
      }
      return li;
    }

    async function post(path, body) {
      await fetch(BASE + path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    }

    async function sendForm(kind, extra) {
      const b = bot();
      if (!b) return;
      const form = new FormData();
      form.append("botId", b.id);
      form.append("name", state.name);
      form.append("kind", kind);
      for (const [k, v] of Object.entries(extra)) form.append(k, v);
      const res = await fetch(`${BASE}/send`, { method: "POST", body: form });
      if (!res.ok) notice.textContent = (await res.json().catch(() => ({}))).error || `Could not send (${res.status})`;
    }

    composer.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      text.value = "";
      void sendForm("text", { text: value });
    });
    attach.addEventListener("click", () => fileInput.click());
    fileInput.addEventListener("change", () => {
      const file = fileInput.files && fileInput.files[0];
      fileInput.value = "";
      if (file) void sendForm("file", { file, text: text.value.trim() });
      text.value = "";
    });
    locate.addEventListener("click", () => void sendForm("location", {}));
    nameInput.addEventListener("change", () => {
      state.name = nameInput.value.trim() || PRESETS[0];
      localStorage.setItem("sim:tg:name", state.name);
      render();
    });
    block.addEventListener("click", () => {
      const thread = userKey();
      if (thread) void post("/block", { key: thread.key, blocked: !thread.blocked });
    });

    let recorder = null;
    mic.addEventListener("click", async () => {
      if (recorder) {
        recorder.stop();
        return;
      }
      if (!navigator.mediaDevices || !window.MediaRecorder) {
        notice.textContent = "This browser cannot record audio.";
        return;
      }
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        const type = MediaRecorder.isTypeSupported("audio/webm;codecs=opus") ? "audio/webm;codecs=opus" : "";
        const chunks = [];
        recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
        recorder.addEventListener("dataavailable", (e) => chunks.push(e.data));
        recorder.addEventListener("stop", () => {
          for (const track of stream.getTracks()) track.stop();
          recorder = null;
          mic.classList.remove("tg-recording");
          const blob = new Blob(chunks, { type: "audio/webm" });
          if (blob.size > 0) void sendForm("voice", { file: new File([blob], "voice.webm", { type: "audio/webm" }) });
        });
        recorder.start();
        mic.classList.add("tg-recording");
      } catch {
        notice.textContent = "Microphone permission was refused.";
      }
    });

    async function load() {
      const res = await fetch(`${BASE}/state`);
      const data = await res.json();
      state.bots = data.bots;
      state.threads = new Map(data.threads.map((t) => [t.key, t]));
      render();
    }
    // The simulator's one event stream carries this tab's events (plugin:telegram).
    api.onEvent((kind, data) => {
      if (kind === "thread") {
        state.threads.set(data.key, data);
        render();
      } else if (kind === "reset") void load();
    });
    api.onShow(() => void load());
    api.onDealerChange(render);
    void load();
  }

  window.ForecourtSimulator.registerTab({ name: "telegram", mount });
})();
