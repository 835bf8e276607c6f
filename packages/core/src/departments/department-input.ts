import { z } from "zod";
import { ZAddDepartment } from "../provider/add-department";

/** A department as Settings → Departments saves it: new (no id) or renamed/re-kinded. */
export const ZSaveDepartment = ZAddDepartment.extend({ id: z.uuid().optional(), dealerId: z.uuid() });
export type TSaveDepartment = z.input<typeof ZSaveDepartment>;

export const ZDeleteDepartment = z.object({ id: z.uuid() });
