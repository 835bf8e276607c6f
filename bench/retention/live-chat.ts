/**
 * The live-chat side of the retention bench, in its own process: concurrent single-message sends
 * shaped like production (one transaction through withTenant: increment Conversation.lastSeq,
 * insert the Message with that seq), at a fixed rate, until the parent says stop; then it sends
 * back every send's latency in milliseconds.
 */
import { performance } from "node:perf_hooks";
import { appDb, withTenant } from "@forecourt/db";

export type TLive = { customerId: string; conversationIds: string[] };

async function sendLiveMessage(target: TLive, n: number): Promise<void> {
  const conversationId = target.conversationIds[n % target.conversationIds.length]!;
  await withTenant(target.customerId, async (tx) => {
    const [row] = await tx.$queryRaw<{ lastSeq: number }[]>`
      UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = now()
      WHERE "id" = ${conversationId}::uuid RETURNING "lastSeq"`;
    await tx.message.create({
      data: {
        customerId: target.customerId,
        conversationId,
        seq: row!.lastSeq,
        clientId: `live-${process.pid}-${n}`,
        authorType: "CONTACT",
        body: "Live message during the bench",
      },
    });
  });
}

type TMessage = { targets?: TLive[]; rate?: number; workers?: number; phase?: string; stop?: boolean };

if (process.send) {
  let stopped = false;
  // Latencies per phase; the parent names the phase (e.g. "baseline", "purge") as it goes.
  const latencies: Record<string, number[]> = {};
  let phase = "warmup";
  const onMessage = async (m: TMessage) => {
    if (m.phase) {
      phase = m.phase;
      return;
    }
    if (m.stop) {
      stopped = true;
      return;
    }
    const targets = m.targets!;
    const workers = m.workers ?? 8;
    const interval = (1000 * workers) / (m.rate ?? 100);
    let counter = Math.floor(Math.random() * 1e9);
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        await new Promise((r) => setTimeout(r, (interval / workers) * w));
        while (!stopped) {
          const started = performance.now();
          await sendLiveMessage(targets[counter % targets.length]!, counter++);
          const ms = performance.now() - started;
          (latencies[phase] ??= []).push(ms);
          await new Promise((r) => setTimeout(r, Math.max(0, interval - ms)));
        }
      }),
    );
    process.send!({ latencies }, () => {
      appDb()
        .$disconnect()
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  };
  // A failed send ends this child loudly; the parent sees the exit code instead of a hang.
  process.on("message", (m: TMessage) => {
    onMessage(m).catch((error: unknown) => {
      console.error("[bench] live chat failed", error);
      process.exit(1);
    });
  });
}
