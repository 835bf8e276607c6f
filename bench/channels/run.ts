/**
 * The channels benchmark (issue 10; docs/benchmarks.md "Channels"). One run measures:
 *   1. inbound: signed, batched WhatsApp webhooks persisted per second through ONE web process
 *      (apps/web/server.ts, NODE_ENV=production, as Playwright starts it), with redeliveries,
 *      then lost / doubled checked in PostgreSQL;
 *   2. outbound: queued agent replies delivered per second through ONE worker process
 *      (apps/worker/src/main.ts) against the Meta Graph stand-in with injected 500s and 429s,
 *      lost / doubled checked in the stand-in's log of accepted sends; and a second batch during
 *      which the worker is killed with SIGKILL and another started, with some replies whose job
 *      was lost (left to the stale sweep).
 * `--phase profile` instead times inbound's steps in-process (no web server): where the time goes.
 *
 * Usage (the test environment of a slot; the production web build must exist; docs/benchmarks.md):
 *   export FC_SLOT=4; source scripts/test-env.sh; pnpm build
 *   pnpm --silent --filter @forecourt/bench channels --payloads 2000 --messages 2000 --crash-messages 1000
 */
import { parseArgs } from "node:util";
import { getConfig } from "@forecourt/config";
import { closeQueues } from "@forecourt/jobs";
import { assertLocalTestDatabase, ownerDb } from "@forecourt/testing";
import { loadAverage, profileProcessesInto, stopProcess } from "./common";
import { startWeb } from "../web-process";
import { startMetaGraph } from "@forecourt/testing/meta-graph";
import { runInbound } from "./inbound";
import { arrangeOutbound, runCrash, runOutbound } from "./outbound";
import { profileInbound } from "./profile-inbound";
import { profileOutbound } from "./profile-outbound";

const { values: args } = parseArgs({
  options: {
    phase: { type: "string", default: "all" }, // inbound | outbound | all | profile (inbound, in-process)
    payloads: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "16" },
    channels: { type: "string", default: "4" },
    customers: { type: "string", default: "2000" },
    batch: { type: "string", default: "1,10" },
    redeliver: { type: "string", default: "0.2" },
    seed: { type: "string", default: "1" },
    messages: { type: "string", default: "2000" },
    conversations: { type: "string", default: "200" },
    failures: { type: "string", default: "0.05" },
    "crash-messages": { type: "string", default: "1000" },
    orphans: { type: "string", default: "20" },
    "kill-at": { type: "string", default: "0.4" },
    /** Write V8 CPU profiles of the web and worker processes into this directory. */
    "cpu-prof": { type: "string" },
    /** Use a web process that is already running (e.g. under a profiler) instead of starting one. */
    web: { type: "string" },
  },
  allowPositionals: true,
});

const BUDGET = { inboundEventsPerSecond: 500 };

const config = getConfig();
assertLocalTestDatabase();
profileProcessesInto(args["cpu-prof"]);

async function inbound() {
  const web = args.web ? null : await startWeb();
  try {
    const result = await runInbound({
      url: args.web ?? `http://127.0.0.1:${config.WEB_PORT}`,
      webPid: web?.child.pid ?? null,
      payloads: Number(args.payloads),
      concurrency: Number(args.concurrency),
      channels: Number(args.channels),
      customers: Number(args.customers),
      batchSizes: args.batch.split(",").map(Number),
      redeliver: Number(args.redeliver),
      seed: Number(args.seed),
    });
    const met = result.eventsPerSecond >= BUDGET.inboundEventsPerSecond && result.lost === 0 && result.doubled === 0;
    return {
      ...result,
      budget: `≥ ${BUDGET.inboundEventsPerSecond} events/s, 0 lost, 0 doubled under redelivery`,
      budgetMet: met,
    };
  } finally {
    if (web) await stopProcess(web);
  }
}

async function outbound() {
  const graph = await startMetaGraph({ port: config.CHANNEL_SIMULATOR_PORT });
  try {
    console.error(
      `[bench] outbound: Meta Graph stand-in on ${graph.url}; arranging ${args.conversations} conversations…`,
    );
    const arranged = await arrangeOutbound(graph, {
      channels: Number(args.channels),
      conversations: Number(args.conversations),
    });
    console.error(`[bench] outbound: ${args.messages} replies queued, then one worker process…`);
    const sustained = await runOutbound(graph, arranged, {
      messages: Number(args.messages),
      failureShare: Number(args.failures),
    });
    const results: object[] = [
      { ...sustained, budget: "0 lost, 0 doubled", budgetMet: sustained.lost === 0 && sustained.doubled === 0 },
    ];
    if (Number(args["crash-messages"]) > 0) {
      console.error(
        `[bench] outbound crash: ${args["crash-messages"]} replies + ${args.orphans} without a job; SIGKILL at ${args["kill-at"]}…`,
      );
      const crash = await runCrash(graph, arranged, {
        messages: Number(args["crash-messages"]),
        orphans: Number(args.orphans),
        failureShare: Number(args.failures),
        killShare: Number(args["kill-at"]),
      });
      results.push({
        ...crash,
        budget: "0 lost, 0 doubled (kill -9 of the worker)",
        budgetMet: crash.lost === 0 && crash.doubled === 0,
      });
    }
    return results;
  } finally {
    await graph.close();
  }
}

async function main() {
  const loadBefore = loadAverage();
  const results: object[] = [];
  // Each phase's figures also go to stderr as soon as they exist (a later phase may fail).
  const record = (...phase: object[]) => {
    for (const r of phase) console.error(`[bench] result: ${JSON.stringify(r)}`);
    results.push(...phase);
  };
  if (args.phase === "inbound" || args.phase === "all") record(await inbound());
  if (args.phase === "outbound" || args.phase === "all") record(...(await outbound()));
  if (args.phase === "profile") {
    results.push(
      ...(await profileInbound({
        payloads: Number(args.payloads),
        concurrency: Number(args.concurrency),
        customers: Number(args.customers),
      })),
    );
    const graph = await startMetaGraph({ port: config.CHANNEL_SIMULATOR_PORT });
    try {
      results.push(await profileOutbound(graph, { messages: 200 }));
    } finally {
      await graph.close();
    }
  }
  const loadAfter = loadAverage();
  console.log(
    JSON.stringify(
      { date: new Date().toISOString(), loadAverage: { before: loadBefore, after: loadAfter }, results },
      null,
      2,
    ),
  );
  await closeQueues();
  await ownerDb().$disconnect();
  process.exit(0);
}

await main();
