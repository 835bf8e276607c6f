import { deleteDepartment } from "@forecourt/core/departments/delete-department";
import { ZDeleteDepartment, ZSaveDepartment } from "@forecourt/core/departments/department-input";
import { listDepartmentsForSettings } from "@forecourt/core/departments/list-departments-for-settings";
import { saveDepartment } from "@forecourt/core/departments/save-department";
import { defineHandler } from "../define-handler";

/** Settings → Departments (settings.departments.manage); core keeps each dealer-scoped admin to their dealers. */
export const loadDepartmentsPage = defineHandler({ permission: "settings.departments.manage" }, ({ principal }) =>
  listDepartmentsForSettings({ actor: principal }),
);

export const handleSaveDepartment = defineHandler(
  { permission: "settings.departments.manage", input: ZSaveDepartment },
  ({ principal, input }) => saveDepartment({ actor: principal, input }),
);

export const handleDeleteDepartment = defineHandler(
  { permission: "settings.departments.manage", input: ZDeleteDepartment },
  ({ principal, input }) => deleteDepartment({ actor: principal, input }),
);
