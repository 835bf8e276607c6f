import { deliverLeadJob } from "@forecourt/jobs/lead-jobs";
import { deliverLead } from "@forecourt/core/leads/deliver-lead";
import { handler, type TJobHandler } from "../job-handler";

/** Lead export (docs/leads.md): one job per lead delivery (CRM e-mail or URL, as ADF/XML). */
export const LEAD_HANDLERS: TJobHandler[] = [
  handler(deliverLeadJob, (payload, attempt) => deliverLead({ ...payload, ...attempt })),
];
