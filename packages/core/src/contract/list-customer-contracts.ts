import { assertProvider, type TUserPrincipal } from "../principal";
import type { CustomerStage, IsoDate } from "@forecourt/contract";
import { withProviderAccess, type CustomerKind, type CustomerStatus } from "@forecourt/db";
import { loadCustomerContract } from "./customer-contract";
import { toIsoDate } from "./dates";

export type TCustomerContractRow = {
  id: string;
  name: string;
  kind: CustomerKind;
  status: CustomerStatus;
  stage: CustomerStage;
  subscriptions: number;
  /** The earliest termination date of a subscription with an accepted notice. */
  nextTermination: IsoDate | null;
  readOnlyUntil: IsoDate | null;
  deletionDate: IsoDate | null;
};

/** Every customer with where its contract stands on `day` (provider console: terminations and deletions). */
export async function listCustomerContracts(options: {
  actor: TUserPrincipal;
  day: IsoDate;
}): Promise<TCustomerContractRow[]> {
  assertProvider(options.actor, "provider.console");
  return withProviderAccess(
    { actorUserId: options.actor.userId, reason: "provider console: contracts", ip: options.actor.ip },
    async (tx) => {
      const customers = await tx.customer.findMany({
        where: { status: { not: "DELETED" } },
        orderBy: { name: "asc" },
        take: 500,
        select: { id: true },
      });
      const rows: TCustomerContractRow[] = [];
      for (const { id } of customers) {
        const contract = await loadCustomerContract(tx, id, options.day);
        if (!contract) continue;
        const ends = contract.lifecycle.subscriptions.flatMap((s) =>
          s.terminationDate && s.stage !== "terminated" ? [s.terminationDate] : [],
        );
        rows.push({
          id,
          name: contract.customer.name,
          kind: contract.customer.kind,
          status: contract.customer.status,
          stage: contract.lifecycle.stage,
          subscriptions: contract.governing.subscriptions.length,
          nextTermination: ends.sort()[0] ?? null,
          readOnlyUntil: toIsoDate(contract.customer.readOnlyUntil),
          deletionDate: toIsoDate(contract.customer.deletionDate),
        });
      }
      return rows;
    },
  );
}
