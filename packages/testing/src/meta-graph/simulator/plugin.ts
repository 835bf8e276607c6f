import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Another channel's tab in the channel simulator (SMS, e-mail, Telegram). The simulator page is
 * one origin (the Meta stand-in's port); a plugin runs in the simulator process next to its
 * own stand-in and talks to it in-process, so the page never calls another origin.
 *
 * In the browser the plugin's script (served at /__sim/<name>.js) calls
 * `window.ForecourtSimulator.registerTab({ name, mount(section, api) })`; `api.dealer()` is the
 * selected dealer's label, `api.onDealerChange(fn)` and `api.onShow(fn)` tell it when that
 * changes or its tab opens. Its API lives under /__sim/<name>/ (route below).
 */
export type TSimulatorPlugin = {
  /** Lower-case, a-z only: the tab id, the script name and the API prefix. */
  name: string;
  /** The tab's label ("SMS"). */
  label: string;
  /** The browser script's source (plain JS, no inline code: the page's CSP allows 'self' only). */
  script: string | Buffer;
  style?: string | Buffer;
  /** Requests under /__sim/<name>/ (the path is passed whole). Must answer every request. */
  route?(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
  /** Dealer labels this plugin has accounts for (merged into the dealer picker). */
  labels?(): string[];
  /** Tells the page to reload (accounts changed): call to broadcast `plugin:<name>` events. */
  attach?(notify: (event: string, data: unknown) => void): void;
  reset?(): void;
  close?(): void;
};

export const PLUGIN_NAME = /^[a-z]{1,20}$/;
