/**
 * The chat inside the widget iframe (served from the app's origin). Plain DOM, no framework,
 * to stay far under the 40 KB budget. Everything a person wrote is set with textContent: it
 * is never parsed as HTML. Protocol: every message carries a clientId; unacked messages are
 * resent with the same clientId after a reconnect (the server writes them once); on every
 * (re)connect the widget asks for everything after the last seq it holds.
 */
import { io, type Socket } from "socket.io-client";
import type { TMessageEvent, TPublicWidget } from "@forecourt/protocol";
import { widgetText, type TWidgetTextField } from "@forecourt/protocol/widget-text";
import { locale, setLocale, t } from "./i18n";

type TWidget = TPublicWidget & { gatewayUrl: string };
/** `refused`: the server said no for good (bad input, forbidden): shown, never resent. */
type TPending = { clientId: string; body: string; failed?: boolean; refused?: boolean; tries?: number };
/** Retries of a message the server could not handle now (`unavailable`) before we stop and say so. */
const MAX_UNAVAILABLE_RETRIES = 4;

const params = new URLSearchParams(location.search);
const key = params.get("key") ?? "";
const origin = params.get("origin") ?? "";
/** The app's voucher for `origin` (the page's frame ticket); sent back on every request. */
const frameTicket = document.querySelector<HTMLMetaElement>('meta[name="forecourt-frame"]')?.content ?? "";
const storageKey = `fc:${key}`;
const root = document.getElementById("app") as HTMLElement;

let widget: TWidget;
let token: string | null = null;
let conversationId = "";
const messages = new Map<number, TMessageEvent>();
const pending = new Map<string, TPending>();
let socket: Socket | null = null;
let isOpen = false;
let readSeq = 0;
let agentReadSeq = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** The JavaScript API's state: what the host page said (identify, setVehicle), for the start of a chat. */
let identity: Record<string, unknown> | null = null;
let identityVerified = false;
let vehicle: Record<string, unknown> | null = null;
let view: "form" | "chat" | "other" = "other";
let lastTypingSent = 0;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: (Node | string | null | false)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

/** An inline paperclip (an emoji would depend on the visitor's fonts). */
function paperclipIcon(): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const attrs: Record<string, string> = {
    viewBox: "0 0 24 24",
    width: "18",
    height: "18",
    fill: "none",
    stroke: "currentColor",
    "stroke-width": "2",
    "stroke-linecap": "round",
    "aria-hidden": "true",
  };
  for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
  const path = document.createElementNS(ns, "path");
  path.setAttribute(
    "d",
    "m21.4 11.1-9.2 9.2a6 6 0 0 1-8.5-8.5l8.6-8.6a4 4 0 1 1 5.7 5.7l-8.6 8.6a2 2 0 0 1-2.8-2.8l8.5-8.5",
  );
  svg.append(path);
  return svg;
}

function store(value: string | null) {
  try {
    if (value) localStorage.setItem(storageKey, value);
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage can be blocked (private mode, third-party rules): the chat still works for this visit.
  }
}

function newClientId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (frameTicket) headers.set("x-forecourt-frame", frameTicket);
  if (init.body && typeof init.body === "string") headers.set("content-type", "application/json");
  const res = await fetch(path, { ...init, headers });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

/**
 * DOM listeners ignore a returned promise, so a failed fetch (offline, server down) would be an
 * unhandled rejection and the visitor would see nothing: show it in the error line instead.
 */
function showingErrors<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return (...args: A) => {
    fn(...args).catch(() => {
      errorLine.textContent = t.error;
    });
  };
}

/** To the loader on the host page: only ever to the one origin the app vouched for (never "*"). */
function post(msg: object) {
  if (origin) parent.postMessage({ ...msg }, origin);
}

/** Something the host page's developer should know (a refused identity, a bad vehicle): its console, never the visitor. */
function warn(text: string) {
  post({ fc: "warn", text });
}

// ── layout ──────────────────────────────────────────────────────────────────────────────────

const list = h("ol", { class: "list", "aria-live": "polite", "aria-label": "Messages" });
const typingLine = h("div", { class: "typing", "aria-live": "polite" });
const errorLine = h("div", { class: "error", role: "alert" });

function header() {
  const c = widget.config;
  return h(
    "header",
    { style: `background:${c.primaryColour};color:${c.textColour}` },
    c.logoUrl ? h("img", { src: c.logoUrl, alt: "", class: "logo" }) : null,
    h("div", { class: "title" }, h("strong", { text: widget.dealerName }), h("span", { text: dealerText("greeting") })),
    h("button", { type: "button", class: "x", "aria-label": t.close, text: "×", "data-close": "" }),
  );
}

function render(view: HTMLElement) {
  root.replaceChildren(header(), view);
  root.querySelector("[data-close]")?.addEventListener("click", () => post({ fc: "close" }));
}

// Escape closes the chat, as any dialog (the loader then focuses the launcher). Once, for the frame.
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") post({ fc: "close" });
});

// ── pre-chat / offline form ────────────────────────────────────────────────────────────────

function field(name: "name" | "email" | "phone", type: string) {
  const mode = widget.config.preChat[name];
  // A verified identity already says who this is: do not ask again for what it gave.
  if (mode === "off" || (identityVerified && typeof identity?.[name] === "string")) return null;
  const input = h("input", { name, type, id: `f-${name}`, autocomplete: name === "phone" ? "tel" : name });
  if (mode === "required") input.required = true;
  const label = h("label", { for: `f-${name}`, text: mode === "optional" ? `${t[name]} (${t.optional})` : t[name] });
  return h("div", { class: "field" }, label, input);
}

/** The dealer's greeting, consent or offline text in the widget's language, else our own. */
function dealerText(field: TWidgetTextField): string {
  return widgetText(widget.config, field, locale) ?? t[field];
}

function showForm() {
  view = "form";
  const c = widget.config;
  const offline = !widget.open;
  const form = h("form", { class: "form", novalidate: "" });
  const consentId = "f-consent";
  form.append(
    h("p", { class: "intro", text: dealerText(offline ? "offlineText" : "greeting") }),
    field("name", "text") ?? "",
    field("email", "email") ?? "",
    field("phone", "tel") ?? "",
  );
  if (widget.departments.length > 0) {
    const select = h("select", { name: "departmentId", id: "f-dep" }, h("option", { value: "", text: t.any }));
    for (const d of widget.departments) select.append(h("option", { value: d.id, text: d.names[locale] || d.name }));
    form.append(h("div", { class: "field" }, h("label", { for: "f-dep", text: t.department }), select));
  }
  if (offline) {
    const area = h("textarea", { name: "offlineMessage", id: "f-msg", rows: "4", required: "" });
    form.append(h("div", { class: "field" }, h("label", { for: "f-msg", text: t.message }), area));
  }
  const consent = h("input", { type: "checkbox", id: consentId, name: "consent" });
  if (c.legalBasis === "CONSENT") consent.required = true;
  form.append(
    h("div", { class: "consent" }, consent, h("label", { for: consentId, text: dealerText("consentText") })),
    errorLine,
    h("button", {
      type: "submit",
      class: "primary",
      style: `background:${c.primaryColour};color:${c.textColour}`,
      text: offline ? t.send : t.start,
    }),
  );
  const start = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const value = (n: string) => String(data.get(n) ?? "").trim() || undefined;
    errorLine.textContent = "";
    const res = await api<{
      token?: string;
      conversationId?: string;
      error?: string;
      warnings?: string[];
    }>("/api/widget/conversations", {
      method: "POST",
      body: JSON.stringify({
        key,
        name: value("name"),
        email: value("email"),
        phone: value("phone"),
        departmentId: value("departmentId"),
        offlineMessage: value("offlineMessage"),
        consent: consent.checked,
        identity: identity ?? undefined,
        vehicle: vehicle ?? undefined,
        page: params.get("page") ?? undefined,
        locale,
      }),
    });
    for (const w of res.body.warnings ?? []) warn(w);
    if (!res.body.token || !res.body.conversationId) {
      errorLine.textContent = res.body.error ?? t.error;
      return;
    }
    token = res.body.token;
    store(token);
    conversationId = res.body.conversationId;
    if (offline) {
      view = "other";
      render(h("p", { class: "intro", text: t.offlineSent }));
      return;
    }
    await loadConversation();
  };
  form.addEventListener("submit", showingErrors(start));
  render(form);
  (form.querySelector("input,select,textarea") as HTMLElement | null)?.focus();
}

// ── chat ───────────────────────────────────────────────────────────────────────────────────

function maxSeq(): number {
  let max = 0;
  for (const seq of messages.keys()) max = Math.max(max, seq);
  return max;
}

/** `live`: it arrived now (not history), so the host page's `message` handlers hear of it. */
function add(m: TMessageEvent, live = false) {
  if (m.conversationId !== conversationId || m.kind === "NOTE") return;
  if (live && !messages.has(m.seq)) {
    const author = m.authorType === "CONTACT" ? "visitor" : m.authorType.toLowerCase();
    post({ fc: "message", message: { id: m.id, author, name: m.author?.name ?? null, text: m.body.slice(0, 140) } });
  }
  messages.set(m.seq, m);
  pending.delete(m.clientId);
  // The agent's message landed: they are no longer typing it.
  if (live && m.authorType !== "CONTACT") {
    clearTimeout(typingTimer);
    typingLine.textContent = "";
  }
}

/**
 * A message's text. Only links to this app's own rating page (the closing message's) become
 * links; any other address stays text, so nobody can put a clickable link in front of a visitor.
 */
function bodyOf(text: string): HTMLElement {
  const p = h("p", { class: "body" });
  const own = `${location.origin}/rate/`;
  for (const part of text.split(/(https?:\/\/\S+)/)) {
    if (part.startsWith(own)) {
      const link = h("a", { href: part, target: "_blank", rel: "noopener", class: "link" });
      link.textContent = t.rateLink;
      p.append(link);
    } else if (part) p.append(document.createTextNode(part));
  }
  return p;
}

function bubble(m: {
  body: string;
  mine: boolean;
  author?: string;
  attachments?: TMessageEvent["attachments"];
  status?: string;
}) {
  const li = h("li", { class: m.mine ? "msg mine" : "msg" });
  if (!m.mine && m.author) li.append(h("span", { class: "author", text: m.author }));
  if (m.body) li.append(bodyOf(m.body));
  for (const a of m.attachments ?? []) {
    const link = h("a", { href: a.url, download: a.fileName, target: "_blank", rel: "noopener", class: "file" });
    link.textContent = `📎 ${a.fileName}`;
    li.append(link);
  }
  if (m.status) li.append(h("span", { class: "status", text: m.status }));
  return li;
}

// ── lead forms (docs/leads.md) ────────────────────────────────────────────────────────────

type TContent = NonNullable<TMessageEvent["content"]>;
type TFormRequest = Extract<TContent, { type: "form_request" }>;
type TFormField = TFormRequest["fields"][number];

/** Each form an agent sent, by its message id: built once and kept, so what the visitor typed survives re-renders. */
const leadForms = new Map<string, { li: HTMLLIElement; done: () => void }>();

/** The forms already answered (a FORM message names the form message it answers). */
function answeredForms(): Set<string> {
  const ids = new Set<string>();
  for (const m of messages.values())
    if (m.kind === "FORM" && m.content?.type === "form_result") ids.add(m.content.requestMessageId);
  return ids;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/** A visitor-side check of one answer (the server checks again and has the last word). */
function fieldProblem(f: TFormField, value: string): string | null {
  if (!value) return f.required ? t.formRequired : null;
  if (f.type === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return t.formEmail;
  if (f.type === "phone" && !/^\+?[0-9][0-9 ()\-./]{5,24}$/.test(value)) return t.formPhone;
  if (f.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return t.formDate;
  return null;
}

function leadFormItem(m: TMessageEvent, c: TFormRequest, answered: boolean): HTMLLIElement {
  const known = leadForms.get(m.id);
  if (known) {
    if (answered) known.done();
    return known.li;
  }
  const li = h("li", { class: "msg leadform", "data-form": c.kind });
  if (m.author?.name) li.append(h("span", { class: "author", text: m.author.name }));
  const form = h("form", { class: "lf", novalidate: "" });
  form.append(h("p", { class: "lf-title", text: c.name }));
  const errors = new Map<string, HTMLElement>();
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const show = (key: string, message: string | null) => {
    const line = errors.get(key);
    const input = inputs.get(key);
    if (line) line.textContent = message ?? "";
    if (input) {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  };
  const idOf = (key: string) => `lf-${m.id.slice(0, 8)}-${key.replace(/\./g, "-")}`;
  const errorLineFor = (key: string) => {
    const p = h("p", { class: "lf-err", id: `${idOf(key)}-err`, role: "alert" });
    errors.set(key, p);
    return p;
  };
  const control = (
    key: string,
    label: string,
    el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
    required: boolean,
  ) => {
    el.id = idOf(key);
    el.name = key;
    el.setAttribute("aria-describedby", `${idOf(key)}-err`);
    if (required) el.setAttribute("aria-required", "true");
    // A fixed field loses its message as soon as the visitor changes it.
    el.addEventListener("input", () => {
      if (el.getAttribute("aria-invalid")) show(key, null);
    });
    inputs.set(key, el);
    return h(
      "div",
      { class: "field" },
      h("label", { for: el.id, text: required ? `${label} *` : label }),
      el,
      errorLineFor(key),
    );
  };
  for (const f of c.fields) {
    if (f.type === "vehicle") {
      const set = h("fieldset", { class: "lf-vehicle" }, h("legend", { text: f.required ? `${f.label} *` : f.label }));
      const parts: [string, string, boolean][] = [
        ["make", t.formMake, f.required],
        ["model", t.formModel, f.required],
        ["year", t.formYear, false],
        ["plate", t.formPlate, false],
      ];
      for (const [part, label, required] of parts) {
        const input = h("input", { type: part === "year" ? "text" : "text", autocomplete: "off" });
        if (part === "year") input.inputMode = "numeric";
        set.append(control(`${f.key}.${part}`, label, input, required));
      }
      form.append(set);
      continue;
    }
    let el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (f.type === "select") {
      el = h("select", {}, h("option", { value: "", text: "—" }));
      for (const o of f.options ?? []) el.append(h("option", { value: o, text: o }));
    } else if (f.type === "textarea") {
      el = h("textarea", { rows: "3" });
    } else {
      const type = f.type === "phone" ? "tel" : f.type === "date" ? "date" : f.type === "email" ? "email" : "text";
      el = h("input", { type });
      if (f.type === "date") el.setAttribute("min", todayIso());
      if (f.key === "name" || f.type === "email" || f.type === "phone")
        el.setAttribute("autocomplete", f.type === "phone" ? "tel" : f.type === "email" ? "email" : "name");
    }
    form.append(control(f.key, f.label, el, f.required));
  }
  const formError = h("p", { class: "lf-err", role: "alert" });
  const button = h("button", {
    type: "submit",
    class: "primary",
    style: `background:${widget.config.primaryColour};color:${widget.config.textColour}`,
    text: t.formSend,
  });
  form.append(formError, button);
  li.append(form);

  const done = () => {
    if (form.dataset.done) return;
    form.dataset.done = "1";
    for (const el of inputs.values()) el.disabled = true;
    button.remove();
    formError.textContent = "";
    form.append(h("p", { class: "lf-done", role: "status", text: t.formThanks }));
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (form.dataset.done || button.disabled) return;
    const answers: Record<string, string | Record<string, string>> = {};
    let firstBad: string | null = null;
    for (const f of c.fields) {
      if (f.type === "vehicle") {
        const v: Record<string, string> = {};
        for (const part of ["make", "model", "year", "plate"]) {
          const key = `${f.key}.${part}`;
          v[part] = inputs.get(key)!.value.trim();
          const problem = (part === "make" || part === "model") && f.required && !v[part] ? t.formRequired : null;
          show(key, problem);
          if (problem && !firstBad) firstBad = key;
        }
        answers[f.key] = v;
        continue;
      }
      const value = inputs.get(f.key)!.value.trim();
      const problem = fieldProblem(f, value);
      show(f.key, problem);
      if (problem && !firstBad) firstBad = f.key;
      if (value) answers[f.key] = value;
    }
    formError.textContent = "";
    if (firstBad) {
      inputs.get(firstBad)?.focus();
      return;
    }
    button.disabled = true;
    try {
      const res = await api<{ leadId?: string; error?: string; issues?: { path: string; message: string }[] }>(
        "/api/widget/forms",
        { method: "POST", body: JSON.stringify({ conversationId, requestMessageId: m.id, answers }) },
      );
      if (res.status === 200 && res.body.leadId) {
        done();
        return;
      }
      // The server's refusal at each field it names (answers.<key>…); what was typed stays.
      let focused = false;
      for (const issue of res.body.issues ?? []) {
        const key = issue.path.replace(/^answers\./, "");
        if (!inputs.has(key)) continue;
        show(key, issue.message);
        if (!focused) {
          inputs.get(key)?.focus();
          focused = true;
        }
      }
      if (!focused) formError.textContent = res.body.error ?? t.error;
    } finally {
      button.disabled = false;
    }
  };
  form.addEventListener("submit", showingErrors(submit));
  leadForms.set(m.id, { li, done });
  if (answered) done();
  return li;
}

function renderList() {
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const items: HTMLElement[] = [];
  const sorted = [...messages.values()].sort((a, b) => a.seq - b.seq);
  const lastMine = [...sorted].reverse().find((m) => m.authorType === "CONTACT");
  const answered = answeredForms();
  // Re-rendering moves the nodes: the field the visitor is typing in keeps its focus.
  const focused =
    document.activeElement instanceof HTMLElement && list.contains(document.activeElement)
      ? document.activeElement
      : null;
  for (const m of sorted) {
    const mine = m.authorType === "CONTACT";
    if (m.content?.type === "form_request") {
      items.push(leadFormItem(m, m.content, answered.has(m.id)));
      continue;
    }
    items.push(
      bubble({
        body: m.body,
        mine,
        author: m.author?.name,
        attachments: m.attachments,
        status: mine && m === lastMine && agentReadSeq >= m.seq ? t.seen : undefined,
      }),
    );
  }
  for (const p of pending.values())
    items.push(bubble({ body: p.body, mine: true, status: p.refused ? t.notSent : p.failed ? t.failed : t.sending }));
  list.replaceChildren(...items);
  if (focused?.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
  if (atBottom || items.length < 30) list.scrollTop = list.scrollHeight;
  updateUnread();
}

function updateUnread() {
  let unread = 0;
  for (const m of messages.values()) if (m.authorType !== "CONTACT" && m.seq > readSeq) unread++;
  if (unread > 0 && isOpen && document.visibilityState === "visible") {
    readSeq = maxSeq();
    socket?.emit("read", { conversationId, seq: readSeq });
    unread = 0;
  }
  post({ fc: "unread", count: unread });
}

function sendPending(p: TPending) {
  if (!socket?.connected || p.refused) return;
  socket
    .timeout(10_000)
    .emit(
      "message:send",
      { conversationId, clientId: p.clientId, body: p.body },
      (err: unknown, ack: { ok: boolean; error?: { code: string; message: string } }) => {
        if (err) {
          p.failed = true; // no ack: resent with the same clientId on reconnect
        } else if (ack.error?.code === "unavailable" && (p.tries ?? 0) < MAX_UNAVAILABLE_RETRIES) {
          // A passing server problem: try again, a little later each time (same clientId).
          p.failed = true;
          p.tries = (p.tries ?? 0) + 1;
          setTimeout(() => sendPending(p), 3000 * 2 ** (p.tries - 1));
        } else if (!ack.ok) {
          // A refusal (or a problem that did not pass): keep the text visible, stop resending.
          p.refused = true;
          errorLine.textContent = ack.error?.message ?? t.error;
        }
        renderList();
      },
    );
}

function connect() {
  socket?.disconnect();
  socket = io(`${widget.gatewayUrl}/visitor`, { transports: ["websocket"], auth: { token } });
  socket.on("connect", () => {
    socket?.emit(
      "sync",
      { conversations: [{ conversationId, afterSeq: maxSeq() }] },
      (res: { ok: boolean; messages?: TMessageEvent[] }) => {
        for (const m of res.messages ?? []) add(m, true);
        for (const p of pending.values()) sendPending(p);
        renderList();
      },
    );
  });
  socket.on("connect_error", (err: Error) => {
    // The gateway refused the token (unknown, malformed, channel closed): socket.io does not
    // retry that, and neither do we; the visitor starts a new chat.
    if (socket?.active || err.message !== "unauthorized") return;
    token = null;
    store(null);
    pending.clear();
    showForm();
    errorLine.textContent = t.sessionEnded;
  });
  socket.on("message", (m: TMessageEvent) => {
    add(m, true);
    renderList();
  });
  socket.on("typing", (e: { conversationId: string; from: string; name: string | null; typing: boolean }) => {
    if (e.conversationId !== conversationId || e.from !== "agent") return;
    typingLine.textContent = e.typing ? `${e.name ?? ""} ${t.typing}` : "";
    clearTimeout(typingTimer);
    if (e.typing) typingTimer = setTimeout(() => (typingLine.textContent = ""), 6000);
  });
  socket.on("read", (e: { conversationId: string; seq: number; by: string }) => {
    if (e.conversationId === conversationId && e.by === "agent") {
      agentReadSeq = Math.max(agentReadSeq, e.seq);
      renderList();
    }
  });
}

function showChat() {
  view = "chat";
  const input = h("textarea", { rows: "1", placeholder: t.placeholder, "aria-label": t.message, class: "input" });
  const file = h("input", {
    type: "file",
    accept: "image/png,image/jpeg,image/gif,image/webp,application/pdf",
    hidden: "",
  });
  const attach = h(
    "button",
    { type: "button", class: "icon", "aria-label": t.attach, title: t.attach },
    paperclipIcon(),
  );
  const send = h("button", { type: "submit", class: "icon send", "aria-label": t.send, text: "➤" });
  const form = h("form", { class: "composer" }, attach, file, input, send);
  const submit = () => {
    const body = input.value.trim();
    if (!body) return;
    const p: TPending = { clientId: newClientId(), body };
    pending.set(p.clientId, p);
    input.value = "";
    errorLine.textContent = "";
    renderList();
    sendPending(p);
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  input.addEventListener("input", () => {
    if (Date.now() - lastTypingSent > 2500) {
      lastTypingSent = Date.now();
      socket?.emit("typing", { conversationId, typing: true });
    }
  });
  attach.addEventListener("click", () => file.click());
  const upload = async () => {
    const f = file.files?.[0];
    file.value = "";
    if (!f) return;
    const data = new FormData();
    data.set("file", f);
    data.set("conversationId", conversationId);
    data.set("clientId", newClientId());
    errorLine.textContent = t.sending;
    const res = await api<{ ok?: boolean; message?: TMessageEvent; error?: string }>("/api/widget/upload", {
      method: "POST",
      body: data,
    });
    errorLine.textContent = res.body.ok ? "" : (res.body.error ?? t.error);
    if (res.body.message) add(res.body.message, true);
    renderList();
  };
  file.addEventListener("change", showingErrors(upload));
  const menu = h("div", { class: "lf-menu", role: "group", "aria-label": t.formsLabel });
  render(h("main", { class: "chat" }, list, typingLine, errorLine, menu, form));
  input.focus();
  void loadFormMenu(menu).catch(() => undefined);
}

/** The dealer's forms the visitor can ask for themselves ("Book a test drive"): each writes the form into the chat. */
async function loadFormMenu(menu: HTMLElement) {
  const res = await api<{ forms?: { id: string; kind: string; name: string }[] }>("/api/widget/forms");
  for (const f of res.body.forms ?? []) {
    const button = h("button", { type: "button", class: "lf-chip", text: t.formOffer[f.kind] ?? f.name });
    button.addEventListener(
      "click",
      showingErrors(async () => {
        button.disabled = true;
        try {
          const offered = await api<{ message?: TMessageEvent; error?: string }>("/api/widget/forms/offer", {
            method: "POST",
            body: JSON.stringify({ conversationId, formId: f.id }),
          });
          if (offered.body.message) {
            add(offered.body.message, true);
            renderList();
            leadForms.get(offered.body.message.id)?.li.querySelector<HTMLElement>("input,select,textarea")?.focus();
          } else errorLine.textContent = offered.body.error ?? t.error;
        } finally {
          button.disabled = false;
        }
      }),
    );
    menu.append(button);
  }
}

async function loadConversation(): Promise<boolean> {
  const res = await api<{
    conversationId?: string;
    messages?: TMessageEvent[];
    contactReadSeq?: number;
    agentReadSeq?: number;
  }>("/api/widget/conversation");
  if (res.status !== 200 || !res.body.conversationId) return false;
  conversationId = res.body.conversationId;
  readSeq = res.body.contactReadSeq ?? 0;
  agentReadSeq = res.body.agentReadSeq ?? 0;
  for (const m of res.body.messages ?? []) add(m);
  showChat();
  renderList();
  connect();
  return true;
}

// ── the JavaScript API (the loader forwards Forecourt(…) calls of the host page) ──────────────

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** The API's answers carry issues; the console line names the first. */
function refusal(body: { error?: string; issues?: { path: string; message: string }[] }) {
  const issue = body.issues?.[0];
  return issue ? `${issue.path}: ${issue.message}` : (body.error ?? "refused");
}

async function identify(value: unknown) {
  if (!isObject(value) || typeof value.id !== "string") return warn("identify needs { id, userHash, … }");
  identity = value;
  identityVerified = false;
  const res = await api<{ verified?: boolean; reason?: string; restart?: boolean; error?: string }>(
    "/api/widget/identify",
    { method: "POST", body: JSON.stringify({ key, identity: value }) },
  );
  if (res.status !== 200) return warn(`identify refused: ${refusal(res.body)}; the chat stays anonymous`);
  if (!res.body.verified) {
    identity = null; // never sent again: its name and e-mail are not trusted
    return warn(`identify refused (${res.body.reason ?? "invalid_hash"}); the chat stays anonymous`);
  }
  identityVerified = true;
  if (res.body.restart) {
    // This browser's chat is another person's: theirs stays theirs, this one starts anew.
    token = null;
    store(null);
    socket?.disconnect();
    messages.clear();
    pending.clear();
    conversationId = "";
    showForm();
  } else if (view === "form") showForm();
}

async function setVehicle(value: unknown) {
  if (!isObject(value)) return warn("setVehicle needs { vin | stockNumber, make, model, url }");
  vehicle = value;
  if (!token || !conversationId) return; // kept for the start of the chat
  const res = await api<{ error?: string }>("/api/widget/vehicle", {
    method: "POST",
    body: JSON.stringify({ conversationId, vehicle: value }),
  });
  if (res.status !== 200) warn(`setVehicle refused: ${refusal(res.body)}`);
}

function changeLocale(value: unknown) {
  if (!setLocale(value)) return warn(`setLocale: unknown locale ${String(value)}`);
  if (!widget) return;
  if (view === "form") showForm();
  else if (view === "chat") {
    showChat();
    renderList();
  }
}

window.addEventListener("message", (e) => {
  // Only the page we are framed in, on the origin the app vouched for (frame-ancestors).
  if (e.source !== parent || e.origin !== origin || !isObject(e.data)) return;
  const { fc, value } = e.data;
  if (fc === "open") {
    isOpen = !!e.data.open;
    if (isOpen) updateUnread();
  } else if (fc === "identify") void identify(value).catch(() => warn("identify failed (network)"));
  else if (fc === "setVehicle") void setVehicle(value).catch(() => warn("setVehicle failed (network)"));
  else if (fc === "setLocale") changeLocale(value);
});
document.addEventListener("visibilitychange", () => updateUnread());

async function main() {
  const res = await api<TWidget>(`/api/widget/config?key=${encodeURIComponent(key)}`);
  if (res.status !== 200) {
    root.textContent = "";
    return;
  }
  widget = res.body;
  // A channel that fixes its language wins over the browser's (the host page may still call setLocale).
  if (widget.config.language !== "auto") setLocale(widget.config.language);
  try {
    token = localStorage.getItem(storageKey);
  } catch {
    token = null;
  }
  if (!token || !(await loadConversation())) {
    token = null;
    store(null);
    showForm();
  }
  post({ fc: "ready" });
}
// A failed config fetch (offline) leaves the widget empty, as a refused key does.
main().catch(() => {
  root.textContent = "";
});
