import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "@forecourt/config";
import { ownerDb } from "@forecourt/testing";

export const root = findRepoRoot();

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
export const round = (n: number) => Math.round(n * 100) / 100;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

export function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50ms: round(percentile(sorted, 50)),
    p95ms: round(percentile(sorted, 95)),
    p99ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
  };
}

/** A seeded generator, so a run's payloads (customers, batch sizes, redeliveries) are reproducible. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let profileDir: string | null = null;

/** `--cpu-prof DIR`: the processes the bench starts write V8 CPU profiles there when they exit. */
export function profileProcessesInto(dir: string | undefined) {
  profileDir = dir ? path.resolve(dir) : null;
}

function profilerArgs(name: string): string[] {
  // One directory per process: tsx's loader thread writes a profile of its own next to the main thread's.
  return profileDir ? ["--cpu-prof", "--cpu-prof-dir", path.join(profileDir, `${name}-${Date.now()}`)] : [];
}

export type TProcess = { child: ChildProcess; name: string };

/**
 * Starts one of our processes as production starts it (tsx, the same environment plus
 * overrides) and resolves when its ready line appears on stdout. Its stderr is passed through,
 * prefixed, so a failure in the child is visible in the bench's output.
 */
export function startProcess(options: {
  name: string;
  cwd: string;
  script: string;
  env?: Record<string, string>;
  ready: RegExp;
  timeoutMs?: number;
  /** stderr lines that are expected under the bench (injected failures being retried): not echoed. */
  quiet?: RegExp;
}): Promise<TProcess> {
  // eslint-disable-next-line no-restricted-properties, no-restricted-syntax
  const env = { ...process.env, ...options.env };
  // `node --import tsx`, what the `tsx` command itself spawns: one process, so a SIGKILL hits
  // the server or worker (not tsx's supervisor, which would leave its child running).
  const args = ["--import", import.meta.resolve("tsx"), ...profilerArgs(options.name), options.script];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n"))
      if (line.trim() && !options.quiet?.test(line)) console.error(`[${options.name}] ${line}`);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${options.name} did not start within ${options.timeoutMs ?? 90_000} ms`));
    }, options.timeoutMs ?? 90_000);
    let started = false;
    child.stdout!.on("data", (chunk: Buffer) => {
      if (!started && options.ready.test(chunk.toString())) {
        started = true;
        clearTimeout(timer);
        resolve({ child, name: options.name });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`${options.name} exited with ${code ?? signal} before it was ready`));
    });
  });
}

/** SIGTERM (graceful) or SIGKILL (a crash), and wait until the process is gone. */
export function stopProcess(p: TProcess, signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => p.child.kill("SIGKILL"), 10_000);
    p.child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    p.child.kill(signal);
  });
}

/** CPU time (user + system) a process has used so far, in ms; null once it is gone. Linux /proc. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** Backends of the application role on this database: the product's connections, not the bench's own checks. */
async function databaseBackends(): Promise<number[]> {
  const rows = await ownerDb().$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user`;
  return rows.map((r) => r.pid);
}

/**
 * CPU used during a phase by one of our processes, by PostgreSQL's backends serving this
 * database, and by the bench itself: per event, these do not depend on how busy the machine is
 * (wall-clock figures do), so they show where the work is and what an idle machine could do.
 */
export async function startCpuMeter(pid: number | null) {
  const backendsBefore = new Map<number, number>();
  for (const b of await databaseBackends()) backendsBefore.set(b, processCpuMs(b) ?? 0);
  const processBefore = pid === null ? null : processCpuMs(pid);
  const benchBefore = process.cpuUsage();
  return async (events: number) => {
    const bench = process.cpuUsage(benchBefore);
    const processMs = pid === null || processBefore === null ? null : (processCpuMs(pid) ?? 0) - processBefore;
    let postgresMs = 0;
    for (const b of await databaseBackends()) postgresMs += (processCpuMs(b) ?? 0) - (backendsBefore.get(b) ?? 0);
    const benchMs = (bench.user + bench.system) / 1000;
    const per = (ms: number | null) => (ms === null ? null : round(ms / Math.max(1, events)));
    return {
      cpuMsPerEvent: { process: per(processMs), postgres: per(postgresMs), bench: per(benchMs) },
      // One Node process uses one core at most; with PostgreSQL on the other, the lower bound wins.
      idleTwoCoreEstimatePerSecond:
        processMs === null
          ? null
          : Math.round(Math.min((1000 * events) / processMs, (2000 * events) / (processMs + postgresMs))),
    };
  };
}
