/**
 * The widget loader: `<script src="https://app/widget.js" data-key="wk_…" async>`. Asks the
 * app whether this page's origin may show the chat (the server answers with CORS only for
 * allowed origins), then adds a launcher button and, on first open, the chat iframe. Nothing
 * else runs on the dealer's page; the chat itself lives in the iframe on the app's origin.
 */
type TConfig = { config: { primaryColour: string; textColour: string; greeting: string }; dealerName: string };

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const key = script?.dataset.key;
  if (!script || !key) return;
  const base = new URL(script.src).origin;
  const q = `key=${encodeURIComponent(key)}`;

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
    button.setAttribute("aria-label", `Chat with ${w.dealerName}`);
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
    frame.title = `Chat with ${w.dealerName}`;
    frame.src = `${base}/widget/frame?${q}&origin=${encodeURIComponent(location.origin)}`;
    root.append(frame);
    place();
    const toggle = (next: boolean) => {
      open = next;
      place();
      button.setAttribute("aria-expanded", String(open));
      frame?.contentWindow?.postMessage({ fc: "open", open }, base);
      if (open) frame?.focus();
    };
    button.addEventListener("click", () => toggle(!open));
    window.addEventListener("resize", place);
    window.addEventListener("message", (e) => {
      if (e.origin !== base || !e.data || typeof e.data !== "object") return;
      if (e.data.fc === "unread") {
        const n = Number(e.data.count) || 0;
        badge.textContent = n > 9 ? "9+" : String(n);
        badge.style.display = n > 0 ? "block" : "none";
      } else if (e.data.fc === "close") toggle(false);
      else if (e.data.fc === "ready") frame?.contentWindow?.postMessage({ fc: "open", open }, base);
    });
  }
})();
