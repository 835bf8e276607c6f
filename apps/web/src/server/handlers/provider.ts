import { z } from "zod";
import { can } from "@forecourt/auth";
import { actorFromSession } from "@forecourt/core/accounts/actor";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { addDepartment } from "@forecourt/core/provider/add-department";
import { replaceAccount } from "@forecourt/core/provider/replace-account";
import { saveCustomer } from "@forecourt/core/provider/save-customer";
import { saveDealer } from "@forecourt/core/provider/save-dealer";
import { saveSubscription } from "@forecourt/core/provider/save-subscription";
import { setCustomerSuspension } from "@forecourt/core/provider/set-customer-suspension";
import { setUserSuspension } from "@forecourt/core/provider/set-user-suspension";
import type { TAction } from "@forecourt/auth";
import { forbidden, run, unauthenticated, type THandlerMeta, type THandlerResult } from "./result";

/**
 * Provider console handlers: provider support only (matrix here, again in core), in a session
 * that passed two-factor (not merely a user who has enrolled somewhere).
 */
function gate(session: TSessionContext | null, action: TAction): THandlerResult<never> | null {
  if (!session) return unauthenticated;
  if (!can({ providerRole: session.user.providerRole }, action)) return forbidden;
  if (!session.twoFactorPassed) return { ok: false, status: 403, error: "two_factor_required" };
  return null;
}

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export async function handleSaveCustomer(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session, "provider.customers.manage");
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = z
      .object({
        customerId: z.preprocess(emptyToUndefined, z.uuid().optional()),
        name: z.string(),
        kind: z.enum(["OEM", "NSC", "DEALER_GROUP", "DEALER"]),
        tier: z.enum(["STANDARD", "PLUS"]),
        parentId: z.preprocess(emptyToNull, z.uuid().nullable()),
      })
      .parse(raw);
    const { customerId, ...rest } = input;
    const customer = await saveCustomer({ actor: actorFromSession(session, meta.ip), customerId, input: rest });
    return { id: customer.id };
  });
}

export async function handleSaveDealer(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session, "provider.customers.manage");
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = z
      .object({
        customerId: z.uuid(),
        dealerId: z.preprocess(emptyToUndefined, z.uuid().optional()),
        name: z.string(),
        city: z.preprocess(emptyToNull, z.string().nullable()),
        timeZone: z.preprocess(emptyToUndefined, z.string().optional()),
      })
      .parse(raw);
    const { customerId, dealerId, ...rest } = input;
    const dealer = await saveDealer({ actor: actorFromSession(session, meta.ip), customerId, dealerId, input: rest });
    return { id: dealer.id };
  });
}

export async function handleAddDepartment(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session, "provider.customers.manage");
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = z
      .object({
        customerId: z.uuid(),
        dealerId: z.uuid(),
        name: z.string(),
        kind: z.enum(["SALES", "SERVICE", "PARTS", "OTHER"]),
      })
      .parse(raw);
    const { customerId, dealerId, ...rest } = input;
    const department = await addDepartment({
      actor: actorFromSession(session, meta.ip),
      customerId,
      dealerId,
      input: rest,
    });
    return { id: department.id };
  });
}

export async function handleSaveSubscription(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session, "provider.subscriptions.manage");
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = z
      .object({
        customerId: z.uuid(),
        subscriptionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
        product: z.preprocess(emptyToUndefined, z.string().optional()),
        tier: z.enum(["STANDARD", "PLUS"]),
        contractDate: z.string(),
        firstTrainingDate: z.preprocess(emptyToNull, z.string().nullable()),
        initialTermMonths: z.coerce.number(),
        setupFee: z.preprocess(emptyToUndefined, z.string().optional()),
        serviceFees: z.preprocess(emptyToUndefined, z.string().optional()),
        monthlyFee: z.string(),
      })
      .parse(raw);
    const { customerId, subscriptionId, ...rest } = input;
    return saveSubscription({ actor: actorFromSession(session, meta.ip), customerId, subscriptionId, input: rest });
  });
}

export async function handleSetCustomerSuspension(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session, "provider.customers.manage");
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = z
      .object({ customerId: z.uuid(), suspend: z.enum(["true", "false"]), reason: z.string().optional() })
      .parse(raw);
    return setCustomerSuspension({
      actor: actorFromSession(session, meta.ip),
      customerId: input.customerId,
      input: input.suspend === "true" ? { suspend: true, reason: input.reason ?? "" } : { suspend: false },
    });
  });
}

export async function handleSetUserSuspension(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session, "provider.users.manage");
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = z.object({ userId: z.uuid(), suspend: z.enum(["true", "false"]) }).parse(raw);
    return setUserSuspension({
      actor: actorFromSession(session, meta.ip),
      userId: input.userId,
      suspend: input.suspend === "true",
    });
  });
}

export async function handleReplaceAccount(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session, "provider.users.manage");
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = z.object({ userId: z.uuid() }).parse(raw);
    return replaceAccount({ actor: actorFromSession(session, meta.ip), userId: input.userId });
  });
}
