import { afterAll, expect, it } from "vitest";
import { QueueEvents, Worker } from "bullmq";
import { saveSubscription } from "@forecourt/core/contract/save-subscription";
import { fileDissolutionNotice } from "@forecourt/core/contract/file-dissolution-notice";
import { appDb } from "@forecourt/db";
import { bullConnection, bullPrefix, closeQueues, enqueue, queue } from "@forecourt/jobs";
import { LIFECYCLE_DAILY_SCHEDULE, lifecycleDailyJob } from "@forecourt/jobs/lifecycle";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { HANDLERS } from "./registry";
import { testMemberPrincipal, testUserPrincipal } from "@forecourt/core/test-principals";

const worker = new Worker(
  "lifecycle",
  async (job) => {
    const h = HANDLERS.find((x) => x.job.name === job.name);
    if (!h) throw new Error(`No handler for ${job.name}`);
    return h.handle(job.data);
  },
  { connection: bullConnection(), prefix: bullPrefix() },
);
const events = new QueueEvents("lifecycle", { connection: bullConnection(), prefix: bullPrefix() });

afterAll(async () => {
  await worker.close();
  await events.close();
  await closeQueues();
  await appDb().$disconnect();
});

it("the registry's lifecycle job runs through BullMQ for the day in its payload", async () => {
  const { customer } = await createTestTenant("Worker group");
  const owner = await createTestUser({ customerId: customer.id, role: "OWNER" });
  const agent = await createTestUser({ customerId: customer.id, role: "AGENT" });
  const support = await createTestUser({ providerRole: "SUPPORT" });
  const sub = await saveSubscription({
    actor: testUserPrincipal(support.user.id, { providerRole: "SUPPORT", twoFactorPassed: true }),
    customerId: customer.id,
    day: "2025-01-01",
    input: {
      product: "Conversations",
      contractDate: "2025-01-01",
      firstTrainingDate: "2025-01-10",
      initialTermMonths: 12,
      monthlyFee: "100",
    },
  });
  await fileDissolutionNotice({
    actor: testMemberPrincipal(owner.user.id, customer.id, "OWNER"),
    customerId: customer.id,
    day: "2025-03-01",
    input: { subscriptionId: sub.id },
  });

  await events.waitUntilReady();
  const job = await enqueue(lifecycleDailyJob, { day: "2025-04-10", customerIds: [customer.id] });
  const result = await job.waitUntilFinished(events, 30_000);
  expect(result).toMatchObject({ day: "2025-04-10", customers: 1, changed: 1 });
  const after = await ownerDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
  expect(after.status).toBe("TERMINATED");
  expect(after.deletionDate?.toISOString().slice(0, 10)).toBe("2025-05-10");
  expect((await ownerDb().membership.findFirstOrThrow({ where: { userId: agent.user.id } })).status).toBe("ARCHIVED");

  // Run again for the same day: nothing changes.
  const again = await enqueue(lifecycleDailyJob, { day: "2025-04-10", customerIds: [customer.id] });
  expect(await again.waitUntilFinished(events, 30_000)).toMatchObject({ changed: 0, transitions: 0 });
});

it("a bad payload is refused when the job is enqueued", async () => {
  await expect(enqueue(lifecycleDailyJob, { day: "10 April" })).rejects.toThrow(/YYYY-MM-DD/);
});

it("the daily schedule is a BullMQ job scheduler in the contract time zone", async () => {
  const h = HANDLERS.find((x) => x.job.name === "lifecycle.daily");
  expect(h?.schedule).toMatchObject(LIFECYCLE_DAILY_SCHEDULE);
  const { payload, ...repeat } = h!.schedule!;
  await queue("lifecycle").upsertJobScheduler("lifecycle.daily:schedule", repeat, {
    name: "lifecycle.daily",
    data: payload,
  });
  const schedulers = await queue("lifecycle").getJobSchedulers();
  expect(schedulers.find((s) => s.key === "lifecycle.daily:schedule")).toMatchObject({
    pattern: "5 0 * * *",
    tz: "Europe/Amsterdam",
  });
  await queue("lifecycle").removeJobScheduler("lifecycle.daily:schedule");
});
