import { apiRoute } from "@/server/api/api-route";
import { listDepartmentsEndpoint } from "@/server/api/endpoints/directory";

export const GET = apiRoute(listDepartmentsEndpoint);
