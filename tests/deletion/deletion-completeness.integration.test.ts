/**
 * The deletion-completeness tier (issue 17): does a deletion delete *everything*, when the
 * processes run the way the start command runs them? A unique marker is planted in every field a
 * visitor, an agent and an admin can fill — through the web app's use cases in a child process
 * with cwd = apps/web, and the default, *relative* STORAGE_DIR — and then each deletion path runs:
 *   (a) erasure (data-subject request), from the web process;
 *   (b) retention purge on a simulated clock, by the real worker process (cwd = apps/worker);
 *   (c) post-termination tenant deletion, by the same worker.
 * After each, every table's rows as text (owner connection), the storage folder (names and
 * contents) and every Redis key and value under the test prefix are scanned: zero matches.
 * Kept by design, and free of markers: the Customer row, DeletionCertificates, audit events
 * (ids only). The test's storage folder is its own (.forecourt/fc-test-<slot>-storage) and removed
 * afterwards, so a developer's .forecourt/storage is never touched.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childProcessEnv, findRepoRoot, getConfig } from "@forecourt/config";
import { newWidgetKey } from "@forecourt/core/chat/keys";
import { createEmailChannel, createMetaChannel, createSmsChannel } from "@forecourt/core/channels/test-helpers";
import { createTelegramChannel } from "@forecourt/core/channels/telegram-test-helpers";
import { startTelegramBotApi, type TTelegramBotApi } from "@forecourt/testing/telegram";
import { bullConnection, bullPrefix, closeQueues, enqueue } from "@forecourt/jobs";
import { deleteCustomerJob, purgeTenantJob } from "@forecourt/jobs/retention-jobs";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import type { TMarkers, TWebCommand } from "./web-actor";

const ROOT = findRepoRoot(path.dirname(new URL(import.meta.url).pathname));
/**
 * Relative, as in .env.example: resolved by the application, not by this test. Named after the
 * test slot's Redis prefix (fc-test-<slot>), so parallel checkouts never share it.
 */
const STORAGE_DIR = `.forecourt/${getConfig().REDIS_PREFIX}-storage`;
const STORAGE_ABS = path.join(ROOT, STORAGE_DIR);
/** Where code that resolves against the cwd would have looked (scanned too; must stay empty). */
const WRONG_PLACES = [path.join(ROOT, "apps/web", STORAGE_DIR), path.join(ROOT, "apps/worker", STORAGE_DIR)];
const ORIGIN = "http://dealer.deletion.test";
const TSX = path.join(ROOT, "tests/deletion/node_modules/.bin/tsx");

const childEnv = childProcessEnv({ STORAGE_DIR, FORCE_COLOR: "0" });

let worker: ChildProcess | undefined;
let workerLog = "";
let events: QueueEvents | undefined;
/** The Bot API stand-in the web process downloads the Telegram voice note from (TELEGRAM_API_URL). */
let telegramApi: TTelegramBotApi | undefined;

beforeAll(async () => {
  await rm(STORAGE_ABS, { recursive: true, force: true });
  telegramApi = await startTelegramBotApi({ port: getConfig().TELEGRAM_STANDIN_PORT });
  // The worker as `pnpm --filter @forecourt/worker start` runs it: from its own folder.
  worker = spawn(path.join(ROOT, "apps/worker/node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: path.join(ROOT, "apps/worker"),
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (d: Buffer) => (workerLog += d.toString()));
  worker.stderr!.on("data", (d: Buffer) => (workerLog += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!workerLog.includes("[worker] running")) {
    if (worker.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start:\n${workerLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  events = new QueueEvents("retention", { connection: bullConnection(), prefix: bullPrefix() });
  await events.waitUntilReady();
}, 90_000);

afterAll(async () => {
  worker?.kill("SIGTERM");
  await telegramApi?.close();
  await events?.close();
  await closeQueues();
  await ownerDb().$disconnect();
  await rm(STORAGE_ABS, { recursive: true, force: true });
});

/** Runs one command of web-actor.ts in a child process with cwd = apps/web. */
function web<T>(command: TWebCommand): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, "tests/deletion/web-actor.ts"), JSON.stringify(command)], {
      cwd: path.join(ROOT, "apps/web"),
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("RESULT ".length)) as T);
      else reject(new Error(`web-actor ${command.op} exited ${code}:\n${out}`));
    });
  });
}

function newMarkers(): TMarkers {
  const alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
  const vinChars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[randomInt(chars.length)]).join("");
  return {
    text: `mk${pick(alnum, 10)}`,
    vin: `ZZ${pick(vinChars, 15)}`,
    phoneDigits: `6${String(randomInt(10_000_000, 99_999_999))}`,
  };
}

const needles = (m: TMarkers) => [m.text, m.vin, m.phoneDigits];

async function newTenant(label: string) {
  const { customer, dealer } = await createTestTenant(label);
  const widgetKey = newWidgetKey(customer.id);
  await ownerDb().channel.create({
    data: {
      customerId: customer.id,
      dealerId: dealer.id,
      type: "WIDGET",
      name: "Website",
      publicKey: widgetKey,
      config: { allowedOrigins: [ORIGIN], preChat: { name: "required", email: "optional", phone: "optional" } },
    },
  });
  const whatsapp = await createMetaChannel({ customer, dealer }, "WHATSAPP");
  const telegram = await createTelegramChannel({ customer, dealer });
  telegramApi!.addBot({ token: telegram.botToken, username: telegram.botUsername });
  const email = await createEmailChannel({ customer, dealer });
  const sms = await createSmsChannel({ customer, dealer });
  const { user } = await createTestUser({ customerId: customer.id, role: "ADMIN" });
  return { customer, widgetKey, admin: user, whatsapp, telegram, email, sms };
}

/** Fill every field a visitor, an agent and an admin can, through the web process. */
async function populate(label: string) {
  const t = await newTenant(label);
  const markers = newMarkers();
  // The customer's Telegram voice note, as Telegram holds it until our media job fetches it.
  const voice = telegramApi!.context.state.storeFile(
    t.telegram.botId,
    Buffer.concat([Buffer.from("OggS"), Buffer.from(` ${markers.text} telegram voice bytes`)]),
    "audio/ogg",
    null,
    "voice",
  );
  const populated = await web<{
    conversationId: string;
    contactId: string;
    whatsappContactId: string;
    telegramContactId: string;
    emailContactId: string;
    smsContactId: string;
    cwd: string;
  }>({
    op: "populate",
    widgetKey: t.widgetKey,
    origin: ORIGIN,
    markers,
    agent: { userId: t.admin.id, name: t.admin.name, customerId: t.customer.id },
    whatsapp: { phoneNumberId: t.whatsapp.externalId, appSecret: t.whatsapp.appSecret },
    telegram: {
      channelId: t.telegram.channelId,
      webhookSecret: t.telegram.webhookSecret,
      userId: randomInt(100_000_000, 999_999_999),
      voiceFileId: voice.fileId,
    },
    email: { inboundAddress: t.email.inboundAddress },
    sms: {
      channelId: t.sms.channel.id,
      accountSid: t.sms.accountSid,
      authToken: t.sms.authToken,
      fromNumber: t.sms.fromNumber,
    },
  });
  expect(populated.cwd).toBe(path.join(ROOT, "apps/web"));
  const before = await scan(markers);
  // The scan must see the planted data before a deletion, or a clean scan would prove nothing.
  expect(before.tables).toEqual(
    expect.arrayContaining(["Contact", "ContactIdentity", "Message", "Attachment", "Vehicle"]),
  );
  // Two visitor files, one agent file; the Telegram voice note; the e-mail's raw source, its PDF
  // and its inline image; one MMS picture (contents carry the marker).
  expect(before.files.length).toBe(8);
  return { ...t, markers, ...populated };
}

type TScan = { tables: string[]; files: string[]; redis: string[] };

/** Where the markers still are: table names, storage paths, Redis keys. */
async function scan(markers: TMarkers): Promise<TScan> {
  const list = needles(markers);
  const tables = (
    await ownerDb().$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`
  ).map((r) => r.name);
  const hitTables: string[] = [];
  for (const table of tables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`odd table name ${table}`);
    const rows = await ownerDb().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table}" t WHERE ${list.map((_, i) => `t::text ILIKE $${i + 1}`).join(" OR ")}`,
      ...list.map((n) => `%${n}%`),
    );
    if ((rows[0]?.n ?? 0) > 0) hitTables.push(table);
  }
  const files: string[] = [];
  for (const dir of [STORAGE_ABS, ...WRONG_PLACES]) {
    for (const { file, isDir } of await walk(dir)) {
      // Folder and file names are checked; file contents too.
      const text = isDir ? "" : (await readFile(file)).toString("latin1").toLowerCase();
      if (list.some((n) => file.toLowerCase().includes(n.toLowerCase()) || text.includes(n.toLowerCase()))) {
        files.push(path.relative(ROOT, file));
      }
    }
  }
  return { tables: hitTables, files, redis: await scanRedis(list) };
}

async function walk(dir: string): Promise<{ file: string; isDir: boolean }[]> {
  if (!existsSync(dir)) return [];
  const out: { file: string; isDir: boolean }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push({ file, isDir: true }, ...(await walk(file)));
    else out.push({ file, isDir: false });
  }
  return out;
}

async function scanRedis(list: string[]): Promise<string[]> {
  const redis = new Redis(getConfig().REDIS_URL);
  const hits: string[] = [];
  try {
    const prefix = getConfig().REDIS_PREFIX;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        let values: unknown;
        if (type === "string") values = await redis.get(key);
        else if (type === "hash") values = await redis.hgetall(key);
        else if (type === "list") values = await redis.lrange(key, 0, -1);
        else if (type === "set") values = await redis.smembers(key);
        else if (type === "zset") values = await redis.zrange(key, 0, -1);
        else if (type === "stream") values = await redis.xrange(key, "-", "+");
        const text = `${key} ${JSON.stringify(values ?? null)}`.toLowerCase();
        if (list.some((n) => text.includes(n.toLowerCase()))) hits.push(key);
      }
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return hits;
}

/** Enqueue a job for the real worker process and wait until it has finished. */
async function runInWorker<T>(job: Parameters<typeof enqueue>[0], payload: Record<string, string>): Promise<T> {
  const queued = await enqueue(job, payload, { removeOnComplete: { age: 86_400 } });
  try {
    return (await queued.waitUntilFinished(events!, 90_000)) as T;
  } catch (error) {
    throw new Error(`${job.name} failed: ${(error as Error).message}\nworker log:\n${workerLog}`);
  }
}

const clean: TScan = { tables: [], files: [], redis: [] };

/** The certificate says the files were deleted (`files` of them: see populate), and none was missing. */
async function expectFilesCounted(certificateId: string, files = 8) {
  const cert = await ownerDb().deletionCertificate.findUniqueOrThrow({ where: { id: certificateId } });
  expect(cert.counts).toMatchObject({ state: "completed", attachmentFiles: files, attachmentFilesMissing: 0 });
}

describe("deletion completeness: web and worker from their own folders, relative STORAGE_DIR", () => {
  it("(a) an erasure request leaves no trace of the contact: rows, files, Redis", { timeout: 120_000 }, async () => {
    const t = await populate("Deletion erase");
    const erased = await web<{ certificateId: string } | null>({
      op: "erase",
      admin: { userId: t.admin.id, customerId: t.customer.id },
      contactId: t.contactId,
    });
    expect(erased).not.toBeNull();
    // The same person wrote on WhatsApp too (another contact): erased as well.
    const erasedWhatsApp = await web<{ certificateId: string } | null>({
      op: "erase",
      admin: { userId: t.admin.id, customerId: t.customer.id },
      contactId: t.whatsappContactId,
    });
    expect(erasedWhatsApp).not.toBeNull();
    // And on Telegram (a third contact, with the voice note).
    const erasedTelegram = await web<{ certificateId: string } | null>({
      op: "erase",
      admin: { userId: t.admin.id, customerId: t.customer.id },
      contactId: t.telegramContactId,
    });
    expect(erasedTelegram).not.toBeNull();
    // And by e-mail (a fourth contact): the raw mail, its file and inline image, the identity.
    const erasedEmail = await web<{ certificateId: string } | null>({
      op: "erase",
      admin: { userId: t.admin.id, customerId: t.customer.id },
      contactId: t.emailContactId,
    });
    expect(erasedEmail).not.toBeNull();
    // And by SMS (a fourth contact, with an MMS picture and a recorded STOP).
    const erasedSms = await web<{ certificateId: string } | null>({
      op: "erase",
      admin: { userId: t.admin.id, customerId: t.customer.id },
      contactId: t.smsContactId,
    });
    expect(erasedSms).not.toBeNull();
    expect(await scan(t.markers)).toEqual(clean);
    // The visitor's contact had three files, the Telegram contact one, the e-mail contact three.
    await expectFilesCounted(erased!.certificateId, 3);
    await expectFilesCounted(erasedTelegram!.certificateId, 1);
    await expectFilesCounted(erasedEmail!.certificateId, 3);
    await expectFilesCounted(erasedSms!.certificateId, 1);
  });

  it("(b) the retention purge on a simulated clock leaves no trace", { timeout: 120_000 }, async () => {
    const t = await populate("Deletion purge");
    // 20 months on: everything written today lies before the 18-month cutoff.
    const later = new Date();
    later.setUTCMonth(later.getUTCMonth() + 20);
    const result = await runInWorker<{ certificateId: string }>(purgeTenantJob, {
      customerId: t.customer.id,
      day: later.toISOString().slice(0, 10),
    });
    expect(await scan(t.markers)).toEqual(clean);
    await expectFilesCounted(result.certificateId);
  });

  it("(c) post-termination deletion of the tenant leaves no trace", { timeout: 120_000 }, async () => {
    const t = await populate("Deletion tenant");
    const yesterday = new Date(Date.now() - 86_400_000);
    await ownerDb().customer.update({
      where: { id: t.customer.id },
      data: { status: "TERMINATED", deletionDate: new Date(yesterday.toISOString().slice(0, 10)) },
    });
    const result = await runInWorker<{ status: string }>(deleteCustomerJob, {
      customerId: t.customer.id,
      day: new Date().toISOString().slice(0, 10),
    });
    expect(result.status).toBe("deleted");
    expect(await scan(t.markers)).toEqual(clean);
    const cert = await ownerDb().deletionCertificate.findFirstOrThrow({
      where: { customerId: t.customer.id, kind: "CUSTOMER_DELETION" },
    });
    await expectFilesCounted(cert.id);
    expect(existsSync(path.join(STORAGE_ABS, t.customer.id))).toBe(false);
  });
});
