export { assertLocalTestDatabase } from "./assert-local-database";
export { createTestTenant, createTestUser } from "./fixtures";
export { ownerDb } from "./owner-db";
export { SmtpSink, type TCaughtMail } from "./smtp-sink";
