// The channel simulator page. Plain script, no build step; the page's policy allows nothing inline.
// State comes from /__sim/state and live updates from /__sim/events (server-sent events).
"use strict";

(() => {
  const CHANNELS = ["whatsapp", "messenger"];
  const SVG = "http://www.w3.org/2000/svg";

  /** Example customers by the dealer number's country; the person can type any other. */
  const PRESETS = {
    45: [
      { name: "Freja Nielsen", phone: "+45 20 12 34 56" },
      { name: "Magnus Larsen", phone: "+45 31 23 45 67" },
      { name: "Ida Sørensen", phone: "+45 42 34 56 78" },
    ],
    49: [
      { name: "Lena Schmidt", phone: "+49 151 2345 6789" },
      { name: "Jonas Weber", phone: "+49 160 9876 5432" },
    ],
    default: [
      { name: "Sophie Bakker", phone: "+31 6 1234 5678" },
      { name: "Daan de Jong", phone: "+31 6 2345 6789" },
      { name: "Emma Visser", phone: "+31 6 3456 7890" },
    ],
  };
  const PLACES = {
    45: {
      latitude: 55.6736,
      longitude: 12.5681,
      placeName: "Tivoli Gardens",
      address: "Vesterbrogade 3, 1630 København",
    },
    utrecht: {
      latitude: 52.0894,
      longitude: 5.1101,
      placeName: "Utrecht Centraal",
      address: "Stationsplein 1, 3511 ED Utrecht",
    },
    default: {
      latitude: 52.3412,
      longitude: 4.8896,
      placeName: "RAI Amsterdam",
      address: "Europaplein 24, 1078 GZ Amsterdam",
    },
  };
  const STARTERS = {
    whatsapp: ["Hi! Is the Volvo EX30 in your showroom still available?", "Can I book a service for next week?"],
    messenger: ["Hello, what are your opening hours on Saturday?", "Do you take trade-ins?"],
  };

  const state = {
    dealers: [],
    threads: new Map(),
    dealer: Number(localStorage.getItem("sim:dealer") ?? 0) || 0,
    show: "whatsapp",
    events: null,
  };

  const $ = (selector, root = document) => root.querySelector(selector);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  };
  const digits = (value) => String(value ?? "").replace(/\D/g, "");
  const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const size = (n) =>
    n < 1024 ? `${n} B` : n < 1048576 ? `${Math.round(n / 1024)} kB` : `${(n / 1048576).toFixed(1)} MB`;
  const initials = (name) =>
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0].toUpperCase())
      .join("");

  function svg(viewBox, paths, options = {}) {
    const node = document.createElementNS(SVG, "svg");
    node.setAttribute("viewBox", viewBox);
    node.setAttribute("width", options.width ?? "16");
    node.setAttribute("height", options.height ?? "16");
    node.setAttribute("aria-hidden", "true");
    for (const d of paths) {
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d);
      if (options.stroke) {
        path.setAttribute("fill", "none");
        path.setAttribute("stroke", "currentColor");
        path.setAttribute("stroke-width", options.stroke);
        path.setAttribute("stroke-linecap", "round");
        path.setAttribute("stroke-linejoin", "round");
      } else path.setAttribute("fill", "currentColor");
      node.append(path);
    }
    return node;
  }
  const ICON = {
    single: () => svg("0 0 16 12", ["M2 6.5l3.2 3.2L12 2.5"], { stroke: "1.6", width: "16", height: "12" }),
    double: () =>
      svg("0 0 18 12", ["M1.5 6.5l3.2 3.2L11.5 2.5", "M7.8 9.2l.5.5L15.5 2.5"], {
        stroke: "1.6",
        width: "18",
        height: "12",
      }),
    clock: () =>
      svg("0 0 12 12", ["M6 1a5 5 0 1 0 0 10A5 5 0 0 0 6 1z", "M6 3.5V6l1.8 1.2"], {
        stroke: "1.2",
        width: "12",
        height: "12",
      }),
    failed: () =>
      svg("0 0 12 12", ["M6 1a5 5 0 1 0 0 10A5 5 0 0 0 6 1zm-.6 2.5h1.2v3.6H5.4zm0 4.6h1.2v1.2H5.4z"], {
        width: "12",
        height: "12",
      }),
    play: () => svg("0 0 24 24", ["M8 5v14l11-7z"], { width: "26", height: "26" }),
    pause: () => svg("0 0 24 24", ["M6 5h4v14H6zm8 0h4v14h-4z"], { width: "26", height: "26" }),
    mic: () =>
      svg(
        "0 0 24 24",
        [
          "M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2z",
        ],
        {
          width: "20",
          height: "20",
        },
      ),
  };

  // ── who is writing ────────────────────────────────────────────────────────────────────

  const dealer = () => state.dealers[state.dealer] ?? state.dealers[0] ?? null;
  const account = (channel) => dealer()?.[channel] ?? null;
  const country = () => {
    const number = digits(account("whatsapp")?.displayPhoneNumber);
    return number.startsWith("45") ? "45" : number.startsWith("49") ? "49" : "default";
  };

  function persona(channel) {
    const acc = account(channel);
    const saved = acc && localStorage.getItem(`sim:persona:${channel}:${acc.id}`);
    if (saved) {
      try {
        return JSON.parse(saved);
      } catch {
        /* fall through to a preset */
      }
    }
    const preset = (PRESETS[country()] ?? PRESETS.default)[channel === "whatsapp" ? 0 : 1];
    return { name: preset.name, phone: preset.phone, hidePhone: false };
  }

  function savePersona(channel, value) {
    const acc = account(channel);
    if (acc) localStorage.setItem(`sim:persona:${channel}:${acc.id}`, JSON.stringify(value));
  }

  function currentThread(channel) {
    const acc = account(channel);
    if (!acc) return null;
    const who = persona(channel);
    for (const thread of state.threads.values()) {
      if (thread.channel !== channel || thread.accountId !== acc.id) continue;
      if (channel === "whatsapp" && thread.customer.phone === digits(who.phone)) return thread;
      if (channel === "messenger" && thread.customer.name.trim().toLowerCase() === who.name.trim().toLowerCase())
        return thread;
    }
    return null;
  }

  // ── the phones ────────────────────────────────────────────────────────────────────────

  const phones = {};

  function setupPhone(channel) {
    const root = document.getElementById(channel);
    root.append($("#phone-template").content.cloneNode(true));
    const phone = {
      channel,
      root,
      messages: $(".messages", root),
      banner: $(".banner", root),
      composer: $(".composer", root),
      text: $(".composer .text", root),
      file: $(".composer .file", root),
      mic: $(".composer .mic", root),
      send: $(".composer .send", root),
      recorder: $(".recorder", root),
      personaForm: $(".persona", root),
      personaToggle: $(".persona-toggle", root),
      rendered: new Map(),
      renderedKey: null,
      readTimer: null,
      recording: null,
    };
    for (const node of root.querySelectorAll(".wa-only")) if (channel !== "whatsapp") node.remove();
    phone.text.placeholder = channel === "whatsapp" ? "Message" : "Aa";

    phone.text.addEventListener("input", () => toggleSend(phone));
    phone.composer.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = phone.text.value.trim();
      if (!text) return;
      phone.text.value = "";
      toggleSend(phone);
      void send(phone, { kind: "text", text });
    });
    $(".attach", root).addEventListener("click", () => {
      phone.file.accept = "image/jpeg,image/png,image/gif,image/webp,application/pdf,audio/*,video/mp4";
      phone.file.click();
    });
    phone.file.addEventListener("change", () => {
      const file = phone.file.files?.[0];
      phone.file.value = "";
      if (!file) return;
      const caption = phone.text.value.trim();
      phone.text.value = "";
      toggleSend(phone);
      void send(phone, { kind: file.type.startsWith("image/") ? "photo" : "file", text: caption }, file);
    });
    $(".locate", root)?.addEventListener("click", () => {
      const name = dealer()?.dealer ?? "";
      const place = /utrecht/i.test(name) ? PLACES.utrecht : (PLACES[country()] ?? PLACES.default);
      void send(phone, { kind: "location", ...place });
    });
    phone.mic.addEventListener("click", () => void startRecording(phone));
    $(".cancel-rec", root).addEventListener("click", () => stopRecording(phone, false));
    $(".send-rec", root).addEventListener("click", () => stopRecording(phone, true));

    phone.personaToggle.addEventListener("click", () => togglePersona(phone));
    phone.personaForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const form = new FormData(phone.personaForm);
      const name = String(form.get("name") ?? "").trim();
      const number = String(form.get("phone") ?? "").trim();
      if (!name) return;
      if (channel === "whatsapp" && !/^\d{7,15}$/.test(digits(number))) {
        showBanner(phone, "Enter a phone number with country code, for example +31 6 1234 5678.");
        return;
      }
      savePersona(channel, { name, phone: number, hidePhone: form.get("hidePhone") === "on" });
      togglePersona(phone, false);
      showBanner(phone, null);
      render(phone);
    });
    return phone;
  }

  function toggleSend(phone) {
    const hasText = phone.text.value.trim().length > 0;
    phone.send.hidden = !hasText;
    phone.mic.hidden = hasText;
  }

  function togglePersona(phone, open = phone.personaForm.hidden) {
    phone.personaForm.hidden = !open;
    phone.personaToggle.setAttribute("aria-expanded", String(open));
    if (!open) return;
    const who = persona(phone.channel);
    phone.personaForm.elements.name.value = who.name;
    if (phone.channel === "whatsapp") {
      phone.personaForm.elements.phone.value = who.phone;
      phone.personaForm.elements.hidePhone.checked = Boolean(who.hidePhone);
    }
    const presets = $(".presets", phone.personaForm);
    presets.replaceChildren(
      ...(PRESETS[country()] ?? PRESETS.default).map((p) => {
        const chip = el("button", "chip", phone.channel === "whatsapp" ? `${p.name} · ${p.phone}` : p.name);
        chip.type = "button";
        chip.setAttribute("aria-pressed", String(p.name === who.name));
        chip.addEventListener("click", () => {
          phone.personaForm.elements.name.value = p.name;
          if (phone.channel === "whatsapp") phone.personaForm.elements.phone.value = p.phone;
          for (const c of presets.children) c.setAttribute("aria-pressed", String(c === chip));
        });
        return chip;
      }),
    );
    phone.personaForm.elements.name.focus();
  }

  function showBanner(phone, text) {
    phone.banner.hidden = !text;
    phone.banner.textContent = text ?? "";
  }

  // ── sending as the customer ───────────────────────────────────────────────────────────

  async function send(phone, fields, file) {
    const acc = account(phone.channel);
    if (!acc) return;
    const who = persona(phone.channel);
    const form = new FormData();
    form.set("channel", phone.channel);
    form.set("accountId", acc.id);
    form.set("name", who.name);
    form.set("phone", who.phone ?? "");
    form.set("hidePhone", who.hidePhone ? "1" : "0");
    for (const [key, value] of Object.entries(fields)) form.set(key, String(value ?? ""));
    if (file) form.set("file", file, file.name || "file");
    try {
      const response = await fetch("/__sim/send", { method: "POST", body: form });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        showBanner(phone, `Not sent: ${body.error ?? `the simulator answered ${response.status}`}`);
      } else showBanner(phone, null);
    } catch {
      showBanner(phone, "Not sent: the simulator is not reachable.");
    }
  }

  async function startRecording(phone) {
    if (phone.recording) return;
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
      showBanner(phone, "This browser cannot record here: pick an audio file instead.");
      phone.file.accept = "audio/*";
      phone.file.click();
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      showBanner(phone, "No microphone access. Allow it in the browser, or send an audio file with the paperclip.");
      return;
    }
    const type = ["audio/ogg;codecs=opus", "audio/webm;codecs=opus", "audio/webm"].find((t) =>
      MediaRecorder.isTypeSupported(t),
    );
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks = [];
    recorder.addEventListener("dataavailable", (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    });
    const started = Date.now();
    const elapsed = $(".elapsed", phone.recorder);
    elapsed.textContent = "0:00";
    const tick = setInterval(() => {
      const s = Math.floor((Date.now() - started) / 1000);
      elapsed.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
      if (s >= 120) stopRecording(phone, true);
    }, 250);
    phone.recording = { recorder, stream, chunks, tick, keep: false, type: recorder.mimeType || type || "audio/webm" };
    recorder.addEventListener("stop", () => {
      const rec = phone.recording;
      phone.recording = null;
      clearInterval(rec.tick);
      for (const track of rec.stream.getTracks()) track.stop();
      phone.recorder.hidden = true;
      phone.composer.hidden = false;
      if (rec.keep && rec.chunks.length > 0) {
        const blob = new Blob(rec.chunks, { type: rec.type });
        const ext = rec.type.includes("ogg") ? "ogg" : "webm";
        void send(phone, { kind: "voice", text: "" }, new File([blob], `voice-note.${ext}`, { type: rec.type }));
      }
    });
    recorder.start(250);
    phone.composer.hidden = true;
    phone.recorder.hidden = false;
    $(".send-rec", phone.recorder).focus();
  }

  function stopRecording(phone, keep) {
    if (!phone.recording) return;
    phone.recording.keep = keep;
    if (phone.recording.recorder.state !== "inactive") phone.recording.recorder.stop();
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────

  function renderHeader(phone) {
    const d = dealer();
    const acc = account(phone.channel);
    const name = d?.dealer ?? "No dealer";
    $(".avatar", phone.root).textContent = initials(name) || "?";
    $(".title", phone.root).textContent = name;
    $(".subtitle", phone.root).textContent = !acc
      ? "Not connected"
      : phone.channel === "whatsapp"
        ? `Business account · ${acc.formattedPhoneNumber}`
        : "Facebook page · Typically replies within minutes";
    const who = persona(phone.channel);
    $(".persona-name", phone.root).textContent = who.name;
    const number = $(".persona-number", phone.root);
    if (number)
      number.textContent = phone.channel === "whatsapp" ? `· ${who.hidePhone ? "number hidden" : who.phone}` : "";
    const disabled = !acc;
    for (const control of phone.composer.querySelectorAll("button, input")) control.disabled = disabled;
    phone.personaToggle.disabled = disabled;
    if (!acc)
      showBanner(
        phone,
        state.dealers.length === 0
          ? "No demo accounts yet: run the seed (pnpm db:seed), then restart the simulator."
          : `This dealer has no ${phone.channel === "whatsapp" ? "WhatsApp number" : "Messenger page"} in the simulator.`,
      );
    else if (!acc.connected) showBanner(phone, "This account has no webhook URL: nothing reaches Forecourt.");
  }

  function emptyState(phone) {
    const box = el("div", "empty");
    box.append(el("strong", "", phone.channel === "whatsapp" ? "Write as the customer" : "Send a message to the page"));
    box.append(
      el(
        "span",
        "",
        "Your message arrives in Forecourt's inbox as Meta would deliver it. The agent's reply appears here.",
      ),
    );
    const starters = el("div", "starters");
    for (const text of STARTERS[phone.channel]) {
      const chip = el("button", "chip", text);
      chip.type = "button";
      chip.addEventListener("click", () => void send(phone, { kind: "text", text }));
      starters.append(chip);
    }
    box.append(starters);
    return box;
  }

  function render(phone) {
    renderHeader(phone);
    const thread = currentThread(phone.channel);
    if (!thread || thread.messages.length === 0) {
      phone.messages.replaceChildren(emptyState(phone));
      phone.rendered = new Map();
      phone.renderedKey = null;
      return;
    }
    if (phone.renderedKey !== thread.key) {
      phone.messages.replaceChildren();
      phone.rendered = new Map();
      phone.renderedKey = thread.key;
    }
    const nearBottom = phone.messages.scrollHeight - phone.messages.scrollTop - phone.messages.clientHeight < 120;
    let added = false;
    thread.messages.forEach((m, index) => {
      let node = phone.rendered.get(m.id);
      if (!node) {
        node = buildMessage(phone, thread, m);
        phone.messages.append(node);
        phone.rendered.set(m.id, node);
        added = true;
      }
      const lastOfSide = !thread.messages.slice(index + 1).some((later) => later.from === m.from);
      updateStatus(phone, thread, node, m, lastOfSide);
    });
    if (added && (nearBottom || thread.messages.at(-1)?.from === "customer"))
      phone.messages.scrollTop = phone.messages.scrollHeight;
    scheduleRead(phone, thread);
  }

  function buildMessage(phone, thread, m) {
    const wrap = el("div", `msg ${m.from}`);
    wrap.dataset.id = m.id;
    wrap.dataset.kind = m.kind;
    const bubble = el("div", "bubble");
    if (m.template) bubble.append(el("span", "label", `Template · ${m.template}`));
    if (m.tag === "HUMAN_AGENT") bubble.append(el("span", "label", "Human agent tag"));
    const url = m.media ? `/__sim/media/${m.media.id}` : null;
    let caption = m.text;
    if (url && (m.kind === "image" || m.kind === "sticker")) {
      const img = el("img", "media photo");
      img.src = url;
      img.alt = m.from === "customer" ? "Your photo" : `Photo from ${dealer()?.dealer ?? "the dealer"}`;
      img.loading = "lazy";
      img.addEventListener("load", () => {
        if (phone.renderedKey === thread.key) phone.messages.scrollTop = phone.messages.scrollHeight;
      });
      bubble.append(img);
      if (phone.channel === "messenger" && !caption) bubble.classList.add("media-only");
    } else if (url && m.kind === "video") {
      const video = el("video", "media");
      video.src = url;
      video.controls = true;
      video.preload = "metadata";
      bubble.append(video);
    } else if (url && m.kind === "audio") {
      bubble.append(voicePlayer(phone, thread, m, url));
    } else if (url) {
      const link = el("a", "doc");
      link.href = url;
      link.download = m.media.fileName ?? "file";
      const ext = (m.media.fileName?.split(".").pop() ?? "file").slice(0, 4).toUpperCase();
      link.append(el("span", "doc-icon", ext));
      const info = el("span");
      info.append(el("span", "doc-name", m.media.fileName ?? "Document"), el("span", "doc-size", size(m.media.size)));
      link.append(info);
      bubble.append(link);
    } else if (m.kind === "location" && m.location) {
      const link = el("a", "place");
      link.href = `https://www.openstreetmap.org/?mlat=${m.location.latitude}&mlon=${m.location.longitude}#map=16/${m.location.latitude}/${m.location.longitude}`;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      const [title, ...rest] = (m.text ?? "").replace(/^📍\s*/, "").split(", ");
      link.append(
        el("strong", "", `📍 ${title}`),
        el("span", "", rest.join(", ")),
        el("br"),
        el("small", "", "Open the map"),
      );
      bubble.append(link);
      caption = null;
    } else if (m.kind === "reaction") {
      caption = m.text ? `Reacted ${m.text}` : "Removed a reaction";
    }
    if (caption) bubble.append(document.createTextNode(caption));
    if (!caption && !url && m.kind !== "location") bubble.append(document.createTextNode(`(${m.kind} message)`));
    const meta = el("span", "meta");
    meta.append(el("time", "", time(m.at)));
    bubble.append(meta);
    wrap.append(bubble);
    wrap.append(el("div", "note"));
    return wrap;
  }

  /** A voice note or audio file: play button, a waveform that fills as it plays, the time. */
  function voicePlayer(phone, thread, m, url) {
    const box = el("div", "voice");
    const audio = el("audio");
    audio.preload = "metadata";
    audio.src = url;
    box.append(audio);
    if (m.voice && phone.channel === "whatsapp") {
      const badge = el("span", "voice-badge");
      badge.append(ICON.mic());
      box.append(badge);
    }
    const button = el("button");
    button.type = "button";
    button.setAttribute("aria-label", "Play");
    button.append(ICON.play());
    const wave = el("span", "wave");
    let seed = [...m.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    for (let i = 0; i < 28; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const bar = el("i");
      bar.style.height = `${6 + (seed % 20)}px`;
      wave.append(bar);
    }
    const clock = el("span", "voice-time", "0:00");
    const format = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
    const showDuration = () => {
      if (audio.paused && Number.isFinite(audio.duration)) clock.textContent = format(Math.round(audio.duration));
    };
    audio.addEventListener("loadedmetadata", showDuration);
    audio.addEventListener("durationchange", showDuration);
    audio.addEventListener("timeupdate", () => {
      const share = Number.isFinite(audio.duration) && audio.duration > 0 ? audio.currentTime / audio.duration : 0;
      [...wave.children].forEach((bar, i) => bar.classList.toggle("played", i / wave.children.length < share));
      clock.textContent = format(audio.currentTime);
    });
    const setIcon = (playing) => {
      button.replaceChildren(playing ? ICON.pause() : ICON.play());
      button.setAttribute("aria-label", playing ? "Pause" : "Play");
    };
    audio.addEventListener("play", () => {
      setIcon(true);
      if (m.from === "business" && phone.channel === "whatsapp")
        void post("/__sim/played", { key: thread.key, id: m.id });
    });
    audio.addEventListener("pause", () => setIcon(false));
    audio.addEventListener("ended", () => {
      setIcon(false);
      [...wave.children].forEach((bar) => bar.classList.add("played"));
    });
    button.addEventListener("click", () => (audio.paused ? void audio.play() : audio.pause()));
    box.append(button, wave, clock);
    return box;
  }

  /** Ticks (WhatsApp) or a status line (Messenger), and failures: updated in place, so players keep playing. */
  function updateStatus(phone, thread, node, m, lastOfSide) {
    const meta = $(".meta", node);
    $(".tick", meta)?.remove();
    const note = $(".note", node);
    note.className = "note";
    note.replaceChildren();
    const failed = m.state === "failed" || m.status === "failed";
    if (phone.channel === "whatsapp") {
      const tick = el("span", "tick");
      if (m.from === "customer") {
        tick.title =
          {
            pending: "Sending to Forecourt",
            delivered: "Delivered to Forecourt",
            read: "Read in Forecourt",
            failed: "Forecourt did not take it",
          }[m.state] ?? "";
        tick.append(m.state === "pending" ? ICON.clock() : failed ? ICON.failed() : ICON.double());
        if (m.state === "read") tick.classList.add("read");
      } else {
        tick.title = `Status reported to Forecourt: ${m.status}`;
        tick.append(
          m.status === "accepted"
            ? ICON.clock()
            : m.status === "sent"
              ? ICON.single()
              : failed
                ? ICON.failed()
                : ICON.double(),
        );
        if (m.status === "read" || m.status === "played") tick.classList.add("read");
      }
      if (failed) tick.classList.add("failed");
      meta.append(tick);
      if (m.voice && m.status === "played") $(".voice-badge", node)?.classList.add("mic-played");
    } else if (lastOfSide || failed) {
      const words =
        m.from === "customer"
          ? { pending: "Sending…", delivered: "Sent", read: `Seen by ${dealer()?.dealer ?? "the page"}` }[m.state]
          : { accepted: "Sending…", sent: "Sent", delivered: "Delivered", read: "Seen", played: "Seen" }[m.status];
      if (words && !failed) note.textContent = `${words} · ${time(m.at)}`;
    }
    if (failed) {
      note.classList.add("error");
      note.textContent =
        m.from === "customer"
          ? (m.error ?? "Forecourt did not take this message.")
          : `Not delivered: ${m.error ?? "Meta refused it."}`;
      if (m.from === "customer" && m.deliveryId) {
        const retry = el("button", "", "Retry");
        retry.type = "button";
        retry.addEventListener("click", () => void post("/__sim/retry", { key: thread.key, id: m.id }));
        note.append(retry);
      }
    }
  }

  /** The customer "reads" replies that are on screen: shortly after they are delivered. */
  function scheduleRead(phone, thread) {
    clearTimeout(phone.readTimer);
    if (document.hidden || !phoneVisible(phone)) return;
    const unread = thread.messages.filter(
      (m) => m.from === "business" && ["accepted", "sent", "delivered"].includes(m.status),
    );
    if (unread.length === 0) return;
    const delay = unread.every((m) => m.status === "delivered") ? 700 : 2500;
    phone.readTimer = setTimeout(() => void post("/__sim/read", { key: thread.key }), delay);
  }

  const phoneVisible = (phone) => phone.root.offsetParent !== null;

  async function post(url, body) {
    try {
      await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    } catch {
      /* the event stream shows whether it worked */
    }
  }

  function renderAll() {
    for (const channel of CHANNELS) render(phones[channel]);
  }

  function renderDealers() {
    const select = $("#dealer");
    select.replaceChildren(
      ...state.dealers.map((d, i) => {
        const option = el("option", "", d.dealer);
        option.value = String(i);
        return option;
      }),
    );
    if (state.dealer >= state.dealers.length) state.dealer = 0;
    select.value = String(state.dealer);
    select.disabled = state.dealers.length === 0;
  }

  // ── start ─────────────────────────────────────────────────────────────────────────────

  async function load() {
    const response = await fetch("/__sim/state");
    const body = await response.json();
    state.dealers = body.dealers;
    state.threads = new Map(body.threads.map((t) => [t.key, t]));
    renderDealers();
    loadPlugins(body.plugins ?? []);
    dealerChanged();
    renderAll();
  }

  function connect() {
    const events = new EventSource("/__sim/events");
    const offline = $("#offline");
    events.addEventListener("open", () => {
      if (!offline.hidden) void load();
      offline.hidden = true;
    });
    events.addEventListener("error", () => {
      offline.hidden = false;
    });
    events.addEventListener("thread", (event) => {
      const thread = JSON.parse(event.data);
      state.threads.set(thread.key, thread);
      for (const channel of CHANNELS) if (thread.channel === channel) render(phones[channel]);
    });
    events.addEventListener("accounts", () => void load());
    state.events = events;
    for (const name of plugins.loaded) listenPlugin(name);
    events.addEventListener("reset", () => {
      state.threads.clear();
      renderAll();
    });
  }

  function showTab(channel) {
    state.show = channel;
    $("#phones").dataset.show = channel;
    for (const tab of document.querySelectorAll(".tabs [role=tab]"))
      tab.setAttribute("aria-selected", String(tab.dataset.show === channel));
    for (const section of document.querySelectorAll(".phones > .plugin"))
      section.hidden = section.dataset.plugin !== channel;
    const tab = plugins.tabs.get(channel);
    if (tab) for (const fn of tab.onShow) fn();
    renderAll();
  }

  // ── other channels' tabs (simulator/plugin.ts) ────────────────────────────────────────

  const plugins = { tabs: new Map(), loaded: new Set() };
  const selectedLabel = () => dealer()?.dealer ?? null;

  /** A plugin's script registers its tab; it gets its own section and the selected dealer. */
  window.ForecourtSimulator = {
    registerTab({ name, mount }) {
      const section = document.querySelector(`.phones > .plugin[data-plugin="${name}"]`);
      if (!section || plugins.tabs.has(name)) return;
      const tab = { onDealer: [], onShow: [], onEvent: [] };
      plugins.tabs.set(name, tab);
      mount(section, {
        dealer: selectedLabel,
        onDealerChange: (fn) => tab.onDealer.push(fn),
        onShow: (fn) => tab.onShow.push(fn),
        onEvent: (fn) => tab.onEvent.push(fn),
      });
    },
  };

  function loadPlugins(list) {
    for (const plugin of list) {
      if (plugins.loaded.has(plugin.name)) continue;
      plugins.loaded.add(plugin.name);
      if (state.events) listenPlugin(plugin.name);
      const button = el("button", "", plugin.label);
      button.type = "button";
      button.setAttribute("role", "tab");
      button.id = `tab-${plugin.name}`;
      button.dataset.show = plugin.name;
      button.setAttribute("aria-selected", "false");
      button.addEventListener("click", () => showTab(plugin.name));
      $(".tabs").append(button);
      const section = el("section", "plugin");
      section.dataset.plugin = plugin.name;
      section.id = plugin.name;
      section.setAttribute("aria-label", `${plugin.label} chat`);
      section.hidden = true;
      $("#phones").append(section);
      if (plugin.style) {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = `/__sim/${plugin.name}.css`;
        document.head.append(link);
      }
      const script = document.createElement("script");
      script.src = `/__sim/${plugin.name}.js`;
      script.defer = true;
      script.addEventListener("load", () => {
        if (state.show === plugin.name) showTab(plugin.name);
      });
      document.head.append(script);
    }
  }

  /** A plugin's server side broadcasts `plugin:<name>` events; its tab's onEvent gets them. */
  function listenPlugin(name) {
    state.events.addEventListener(`plugin:${name}`, (event) => {
      const { event: kind, data } = JSON.parse(event.data);
      for (const fn of plugins.tabs.get(name)?.onEvent ?? []) fn(kind, data);
    });
  }

  function dealerChanged() {
    for (const tab of plugins.tabs.values()) for (const fn of tab.onDealer) fn(selectedLabel());
  }

  for (const channel of CHANNELS) phones[channel] = setupPhone(channel);
  $("#dealer").addEventListener("change", (event) => {
    state.dealer = Number(event.target.value) || 0;
    localStorage.setItem("sim:dealer", String(state.dealer));
    for (const channel of CHANNELS) togglePersona(phones[channel], false);
    dealerChanged();
    renderAll();
  });
  for (const tab of document.querySelectorAll(".tabs [role=tab]"))
    tab.addEventListener("click", () => showTab(tab.dataset.show));
  document.addEventListener("visibilitychange", renderAll);
  window.addEventListener("resize", () => {
    for (const channel of CHANNELS) {
      const thread = currentThread(channel);
      if (thread) scheduleRead(phones[channel], thread);
    }
  });
  void load().then(connect);
})();
