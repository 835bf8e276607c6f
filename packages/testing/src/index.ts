export { assertLocalTestDatabase } from "./assert-local-database";
export { createTestTenant, createTestUser } from "./fixtures";
export { ownerDb } from "./owner-db";
export { SmtpSink, type TCaughtMail } from "./smtp-sink";
export { startMetaGraph, type TMetaGraph, type TMetaGraphOptions } from "./meta-graph";
