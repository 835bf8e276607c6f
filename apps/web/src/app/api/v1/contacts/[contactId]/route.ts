import { apiRoute } from "@/server/api/api-route";
import { getContactEndpoint, updateContactEndpoint } from "@/server/api/endpoints/contacts";

export const GET = apiRoute(getContactEndpoint);
export const PATCH = apiRoute(updateContactEndpoint);
