import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson } from "./http-util";
import { startMetaGraph, type TMetaGraph } from "./server";
import type { TSimulatorPlugin } from "./simulator/plugin";

/*
 * Other channels' tabs in the simulator (simulator/plugin.ts): the page learns the plugins from
 * /__sim/state, loads each one's script and style from the simulator's own origin, and the
 * plugin answers its own API under /__sim/<name>/ and can push events to the page.
 */

let graph: TMetaGraph;
let notify: ((event: string, data: unknown) => void) | null = null;
const seen: string[] = [];
const plugin: TSimulatorPlugin = {
  name: "sms",
  label: "SMS",
  script: "window.ForecourtSimulator.registerTab({ name: 'sms', mount() {} });",
  style: ".sms { color: red }",
  labels: () => ["Only-SMS Dealer"],
  attach: (fn) => (notify = fn),
  route(req, res, url) {
    seen.push(`${req.method} ${url.pathname}`);
    sendJson(res, 200, { ok: true, path: url.pathname });
  },
};

beforeAll(async () => {
  graph = await startMetaGraph({ simulator: true, plugins: [plugin] });
  graph.addWhatsApp({
    phoneNumberId: "106500000000977",
    wabaId: "102900000000977",
    accessToken: "EAADplugintest0001",
    appSecret: "app-secret-plugin-01",
    displayPhoneNumber: "+31 20 555 0977",
    webhookUrl: "http://127.0.0.1:9/not-used",
    label: "Northwind Amsterdam",
  });
});
afterAll(() => graph.close());

describe("simulator plugins", () => {
  it("lists the plugin and merges its dealer labels into the picker", async () => {
    const state = (await (await fetch(`${graph.url}/__sim/state`)).json()) as {
      dealers: { dealer: string }[];
      plugins: { name: string; label: string; style: boolean }[];
    };
    expect(state.plugins).toEqual([{ name: "sms", label: "SMS", style: true }]);
    expect(state.dealers.map((d) => d.dealer).sort()).toEqual(["Northwind Amsterdam", "Only-SMS Dealer"]);
  });

  it("serves the plugin's script and style from the simulator's origin", async () => {
    const script = await fetch(`${graph.url}/__sim/sms.js`);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("registerTab");
    const style = await fetch(`${graph.url}/__sim/sms.css`);
    expect(await style.text()).toBe(".sms { color: red }");
  });

  it("routes /__sim/<name>/ to the plugin and nothing else", async () => {
    const own = await fetch(`${graph.url}/__sim/sms/send`, { method: "POST", body: "{}" });
    expect(await own.json()).toEqual({ ok: true, path: "/__sim/sms/send" });
    // A sibling path is the simulator's own (a plugin cannot shadow it).
    const stateRoute = await fetch(`${graph.url}/__sim/smsx`);
    expect(stateRoute.status).toBeGreaterThanOrEqual(400);
    expect(seen).toEqual(["POST /__sim/sms/send"]);
  });

  it("pushes the plugin's events to the page as plugin:<name>", async () => {
    const controller = new AbortController();
    const response = await fetch(`${graph.url}/__sim/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    // The stream is open once the response arrived; the event is broadcast to open streams.
    notify!("thread", { id: 7 });
    let text = "";
    while (!text.includes("plugin:sms")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: plugin:sms\ndata: {"event":"thread","data":{"id":7}}');
  });

  it("refuses a plugin name that would collide with the page's own tabs", async () => {
    await expect(startMetaGraph({ simulator: true, plugins: [{ ...plugin, name: "whatsapp" }] })).rejects.toThrow(
      /bad plugin name/,
    );
  });
});
