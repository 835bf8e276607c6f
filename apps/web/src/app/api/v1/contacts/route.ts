import { apiRoute } from "@/server/api/api-route";
import { searchContactsEndpoint, createContactEndpoint } from "@/server/api/endpoints/contacts";

export const GET = apiRoute(searchContactsEndpoint);
export const POST = apiRoute(createContactEndpoint);
