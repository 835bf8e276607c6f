/**
 * @forecourt/sdk. Modules side by side: `messaging` (the OEM-app messaging client over the API
 * channel). The REST API client (`createClient`) and webhook verification join as siblings.
 */
export * from "./messaging";
export { ForecourtError } from "./errors";
