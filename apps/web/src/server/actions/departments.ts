"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import { handleDeleteDepartment, handleSaveDepartment } from "@/server/handlers/departments";

// Settings → Departments. The inbox's department filter and transfer menu read them on load.
const PATHS = ["/settings/departments", "/inbox"];

export async function saveDepartmentAction(_: TActionState, form: FormData) {
  return runAction(handleSaveDepartment, formObject(form), PATHS);
}
export async function deleteDepartmentAction(_: TActionState, form: FormData) {
  return runAction(handleDeleteDepartment, formObject(form), PATHS);
}
