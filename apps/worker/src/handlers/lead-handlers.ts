import { REQUEUE_LEAD_DELIVERIES_SCHEDULE, deliverLeadJob, requeueLeadDeliveriesJob } from "@forecourt/jobs/lead-jobs";
import { deliverLead } from "@forecourt/core/leads/deliver-lead";
import { requeueLostLeadDeliveries } from "@forecourt/core/leads/requeue-lost-lead-deliveries";
import { handler, type TJobHandler } from "../job-handler";

/** Lead export (docs/leads.md): one job per lead delivery (CRM e-mail or URL, as ADF/XML), and the sweep for lost jobs. */
export const LEAD_HANDLERS: TJobHandler[] = [
  handler(deliverLeadJob, (payload, attempt) => deliverLead({ ...payload, ...attempt })),
  handler(requeueLeadDeliveriesJob, () => requeueLostLeadDeliveries(), {
    ...REQUEUE_LEAD_DELIVERIES_SCHEDULE,
    payload: {},
  }),
];
