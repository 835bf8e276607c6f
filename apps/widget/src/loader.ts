/**
 * The widget loader: `<script src="https://app/widget.js" data-key="wk_…" async>`. Asks the
 * app whether this page's origin may show the chat (the server answers with CORS only for
 * allowed origins), then adds a launcher button and the chat iframe. Nothing else runs on the
 * dealer's page; the chat itself lives in the iframe on the app's origin.
 *
 * The JavaScript API (docs/widget.md): `Forecourt('open' | 'close' | 'toggle')`,
 * `Forecourt('identify' | 'setVehicle' | 'setLocale', value)`, `Forecourt('on' | 'off', event, fn)`.
 * Calls made before this script ran wait in the stub's queue (`Forecourt.q`) and are replayed.
 * Loader and iframe talk by postMessage only, each checking the other's window and origin.
 */
import { widgetLanguage } from "@forecourt/protocol/widget-text";
import type { TWidgetConfig } from "@forecourt/protocol";

type TConfig = {
  config: Pick<TWidgetConfig, "primaryColour" | "textColour" | "greeting" | "language">;
  dealerName: string;
};
// The launcher's and the frame's names, in the language the chat opens in (app.ts picks it alike).
const CHAT_WITH = {
  en: (name: string) => `Chat with ${name}`,
  nl: (name: string) => `Chat met ${name}`,
  da: (name: string) => `Chat med ${name}`,
  de: (name: string) => `Chat mit ${name}`,
};
type THandler = (payload?: unknown) => void;
type TStub = { q?: ArrayLike<unknown>[] };

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const key = script?.dataset.key;
  if (!script || !key) return;
  const base = new URL(script.src).origin;
  const q = `key=${encodeURIComponent(key)}`;
  const win = window as unknown as { Forecourt?: TStub };
  // Calls made before we ran (the stub's queue), replayed once the chat is mounted.
  const queue: unknown[][] = Array.from(win.Forecourt?.q ?? [], (a) => Array.from(a));
  const handlers: Record<string, THandler[]> = {};
  let run: ((cmd: unknown, a?: unknown) => void) | null = null;
  let isReady = false;
  const emit = (name: string, payload?: unknown) => {
    for (const fn of handlers[name] ?? []) {
      try {
        fn(payload);
      } catch (e) {
        console.error(e); // the host page's handler failed: the chat goes on
      }
    }
  };
  const api = (cmd: unknown, a?: unknown, b?: unknown) => {
    if (cmd === "on" || cmd === "off") {
      if (typeof a !== "string" || typeof b !== "function") return;
      const list = (handlers[a] = (handlers[a] ?? []).filter((f) => f !== b));
      if (cmd === "on") {
        list.push(b as THandler);
        if (a === "ready" && isReady) (b as THandler)();
      }
    } else if (run) run(cmd, a);
    else queue.push([cmd, a]);
  };
  win.Forecourt = api as unknown as TStub;
  // Listeners at once (so an early `ready` handler hears it); the rest waits for the mount.
  const listens = (c: unknown[]) => c[0] === "on" || c[0] === "off";
  for (const [cmd, a, b] of queue.filter(listens)) api(cmd, a, b);
  queue.splice(0, queue.length, ...queue.filter((c) => !listens(c)));

  fetch(`${base}/api/widget/config?${q}`, { credentials: "omit" })
    .then((r) => (r.ok ? r.json() : null))
    .then((w: TConfig | null) => w && mount(w))
    .catch(() => undefined);

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, css: string): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    e.style.cssText = css;
    return e;
  }

  function mount(w: TConfig) {
    const c = w.config;
    const root = el("div", "position:fixed;z-index:2147483000;right:20px;bottom:20px;font:14px system-ui,sans-serif");
    root.setAttribute("data-forecourt-widget", "");
    const button = el(
      "button",
      `width:56px;height:56px;border-radius:28px;border:0;cursor:pointer;background:${c.primaryColour};color:${c.textColour};box-shadow:0 4px 16px rgba(0,0,0,.25);position:relative`,
    );
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.innerHTML =
      '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
    const badge = el(
      "span",
      "position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#e11d48;color:#fff;font-size:12px;line-height:20px;display:none",
    );
    badge.setAttribute("data-forecourt-unread", "");
    button.append(badge);
    root.append(button);
    document.body.append(root);

    let frame: HTMLIFrameElement | null = null;
    let open = false;
    const narrow = () => window.innerWidth < 480;
    const place = () => {
      if (!frame) return;
      frame.style.cssText = narrow()
        ? "position:fixed;inset:0;width:100%;height:100%;border:0;background:#fff"
        : "position:fixed;right:20px;bottom:88px;width:370px;height:min(600px,calc(100vh - 110px));border:0;border-radius:14px;box-shadow:0 8px 32px rgba(0,0,0,.25);background:#fff";
      frame.style.display = open ? "block" : "none";
    };
    // Loaded hidden at once, so a returning visitor's unread replies show on the launcher.
    frame = document.createElement("iframe");
    // The launcher and the frame are named in the chat's language (setLocale renames them).
    const name = (lang: keyof typeof CHAT_WITH) => {
      button.setAttribute("aria-label", CHAT_WITH[lang](w.dealerName));
      if (frame) frame.title = CHAT_WITH[lang](w.dealerName);
    };
    name(widgetLanguage(c, navigator.languages ?? [navigator.language]));
    // The page the chat opens on, for the dealer's routing rules (without its fragment).
    const page = encodeURIComponent(location.href.split("#")[0]!.slice(0, 500));
    frame.src = `${base}/widget/frame?${q}&origin=${encodeURIComponent(location.origin)}&page=${page}`;
    root.append(frame);
    place();
    // Until the iframe says it is ready, what the host page tells it waits here.
    let outbox: object[] | null = [];
    const send = (msg: object) => (outbox ? outbox.push(msg) : frame?.contentWindow?.postMessage(msg, base));
    let unread = 0;
    const toggle = (next: boolean) => {
      if (next === open) return;
      open = next;
      place();
      button.setAttribute("aria-expanded", String(open));
      send({ fc: "open", open });
      if (open) frame?.focus();
      // Closing from inside the chat (×, Escape) gives focus back to the launcher, not the page's body.
      else if (document.activeElement === frame) button.focus();
      emit(open ? "open" : "close");
    };
    button.addEventListener("click", () => toggle(!open));
    window.addEventListener("resize", place);
    window.addEventListener("message", (e) => {
      // Only our own iframe, on the app's origin: any other window or origin is ignored.
      const d = e.data;
      if (e.origin !== base || e.source !== frame?.contentWindow || !d || typeof d !== "object") return;
      if (d.fc === "unread") {
        const n = Number(d.count) || 0;
        badge.textContent = n > 9 ? "9+" : String(n);
        badge.style.display = n > 0 ? "block" : "none";
        if (n !== unread) emit("unread", { count: n });
        unread = n;
      } else if (d.fc === "close") toggle(false);
      else if (d.fc === "message") emit("message", d.message);
      else if (d.fc === "warn") console.warn(`Forecourt: ${String(d.text)}`);
      else if (d.fc === "ready" && outbox) {
        const held = outbox;
        outbox = null;
        send({ fc: "open", open });
        held.forEach(send);
        isReady = true;
        emit("ready");
      } else if (d.fc === "ready") send({ fc: "open", open });
    });
    run = (cmd, a) => {
      if (cmd === "open" || cmd === "close") toggle(cmd === "open");
      else if (cmd === "toggle") toggle(!open);
      else if (cmd === "identify" || cmd === "setVehicle" || cmd === "setLocale") {
        const lang = typeof a === "string" ? a.toLowerCase().split(/[-_]/)[0]! : "";
        if (cmd === "setLocale" && lang in CHAT_WITH) name(lang as keyof typeof CHAT_WITH);
        send({ fc: cmd, value: a });
      } else console.warn(`Forecourt: unknown command ${String(cmd)}`);
    };
    for (const [cmd, a] of queue.splice(0)) run(cmd, a);
  }
})();
