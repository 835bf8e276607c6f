import { withTenant, type TTx } from "@forecourt/db";

/** What a certificate counts, per kind of row (never content). */
export type TDeletionCounts = Record<string, number>;

export type TCertificateKind = "RETENTION" | "CUSTOMER_DELETION" | "DSR_ERASURE";

/**
 * Counts every certificate carries from the start, zero included, so "no files deleted" is a
 * recorded fact, not an absent key. `attachmentFilesMissing`: attachment rows whose file was not
 * on disk when deleted (logged with the key; issue 17 was exactly this going unnoticed).
 */
export const ALWAYS_COUNTED = { attachmentFiles: 0, attachmentFilesMissing: 0 } as const;

/**
 * A deletion certificate written while the deletion runs: created first (state "running"),
 * then every batch adds its counts in the same transaction as its deletes, so the counts are
 * exact even when the run crashes half-way (the certificate then stays "running"; the resumed
 * run writes its own). `finish` marks it "completed".
 */
export class CertificateRecorder {
  private counts: TDeletionCounts = { ...ALWAYS_COUNTED };

  private constructor(
    readonly id: string,
    readonly customerId: string,
  ) {}

  static async start(options: {
    customerId: string;
    kind: TCertificateKind;
    cutoff: Date | null;
    subject?: string;
  }): Promise<CertificateRecorder> {
    const now = new Date();
    const row = await withTenant(options.customerId, (tx) =>
      tx.deletionCertificate.create({
        data: {
          customerId: options.customerId,
          kind: options.kind,
          cutoff: options.cutoff,
          counts: { state: "running", ...ALWAYS_COUNTED, ...(options.subject ? { subject: options.subject } : {}) },
          startedAt: now,
          finishedAt: now,
        },
      }),
    );
    return new CertificateRecorder(row.id, options.customerId);
  }

  /** Adds counts inside the caller's transaction (the one that deleted those rows). */
  async add(tx: TTx, delta: TDeletionCounts): Promise<void> {
    const next = { ...this.counts };
    let changed = false;
    for (const [kind, n] of Object.entries(delta)) {
      if (n === 0) continue;
      next[kind] = (next[kind] ?? 0) + n;
      changed = true;
    }
    if (!changed) return;
    await tx.$executeRaw`UPDATE "DeletionCertificate"
      SET "counts" = "counts" || ${JSON.stringify(next)}::jsonb, "finishedAt" = now()
      WHERE "id" = ${this.id}::uuid`;
    this.counts = next;
  }

  /** Adds counts in a transaction of its own (deletions outside the database, e.g. files). */
  async addNow(delta: TDeletionCounts): Promise<void> {
    await withTenant(this.customerId, (tx) => this.add(tx, delta));
  }

  totals(): TDeletionCounts {
    return { ...this.counts };
  }

  /** Attachment rows of this run whose file was already missing (0 on a clean run). */
  missingFiles(): number {
    return this.counts.attachmentFilesMissing ?? 0;
  }

  /**
   * Marks the run finished: "completed", or "completed-with-missing-files" when some rows' files
   * were not on disk (the rows are gone either way; the state says the files were not found).
   */
  async finish(tx?: TTx): Promise<void> {
    const state = this.missingFiles() > 0 ? "completed-with-missing-files" : "completed";
    const run = (t: TTx) =>
      t.$executeRaw`UPDATE "DeletionCertificate"
        SET "counts" = "counts" || ${JSON.stringify({ ...this.counts, state })}::jsonb, "finishedAt" = now()
        WHERE "id" = ${this.id}::uuid`;
    if (tx) await run(tx);
    else await withTenant(this.customerId, run);
  }
}
