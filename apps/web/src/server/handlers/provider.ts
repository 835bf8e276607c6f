import { z } from "zod";
import { addDepartment, ZAddDepartment } from "@forecourt/core/provider/add-department";
import { replaceAccount } from "@forecourt/core/provider/replace-account";
import { saveCustomer, ZSaveCustomer } from "@forecourt/core/provider/save-customer";
import { saveDealer, ZSaveDealer } from "@forecourt/core/provider/save-dealer";
import { setCustomerSuspension } from "@forecourt/core/provider/set-customer-suspension";
import { setUserSuspension } from "@forecourt/core/provider/set-user-suspension";
import { calendarDay } from "@forecourt/core/contract/dates";
import { saveSubscription, ZSaveSubscription } from "@forecourt/core/contract/save-subscription";
import { defineHandler } from "../define-handler";

/** Provider console handlers: provider support only, in a session that passed two-factor (the wrapper asks). */
const CUSTOMERS = { permission: "provider.customers.manage", scope: "user" } as const;
const USERS = { permission: "provider.users.manage", scope: "user" } as const;

const ZFlag = z.enum(["true", "false"]).transform((v) => v === "true");

export const handleSaveCustomer = defineHandler(
  { ...CUSTOMERS, input: ZSaveCustomer.extend({ customerId: z.uuid().optional() }) },
  async ({ principal, input: { customerId, ...input } }) => ({
    id: (await saveCustomer({ actor: principal, customerId, input })).id,
  }),
);

export const handleSaveDealer = defineHandler(
  { ...CUSTOMERS, input: ZSaveDealer.extend({ customerId: z.uuid(), dealerId: z.uuid().optional() }) },
  async ({ principal, input: { customerId, dealerId, ...input } }) => ({
    id: (await saveDealer({ actor: principal, customerId, dealerId, input })).id,
  }),
);

export const handleAddDepartment = defineHandler(
  { ...CUSTOMERS, input: ZAddDepartment.extend({ customerId: z.uuid(), dealerId: z.uuid() }) },
  async ({ principal, input: { customerId, dealerId, ...input } }) => ({
    id: (await addDepartment({ actor: principal, customerId, dealerId, input })).id,
  }),
);

/** The order form: records a subscription, or corrects one (`subscriptionId`); core is its one writer. */
export const handleSaveSubscription = defineHandler(
  {
    permission: "provider.subscriptions.manage",
    scope: "user",
    input: ZSaveSubscription.extend({ customerId: z.uuid(), subscriptionId: z.uuid().optional() }),
  },
  ({ principal, input: { customerId, subscriptionId, ...input } }) =>
    saveSubscription({ actor: principal, customerId, subscriptionId, day: calendarDay(new Date()), input }),
);

export const handleSetCustomerSuspension = defineHandler(
  { ...CUSTOMERS, input: z.object({ customerId: z.uuid(), suspend: ZFlag, reason: z.string().optional() }) },
  ({ principal, input }) =>
    setCustomerSuspension({
      actor: principal,
      customerId: input.customerId,
      input: input.suspend ? { suspend: true, reason: input.reason ?? "" } : { suspend: false },
    }),
);

export const handleSetUserSuspension = defineHandler(
  { ...USERS, input: z.object({ userId: z.uuid(), suspend: ZFlag }) },
  ({ principal, input }) => setUserSuspension({ actor: principal, userId: input.userId, suspend: input.suspend }),
);

export const handleReplaceAccount = defineHandler(
  { ...USERS, input: z.object({ userId: z.uuid() }) },
  ({ principal, input }) => replaceAccount({ actor: principal, userId: input.userId }),
);
