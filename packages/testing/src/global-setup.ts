import { assertLocalTestDatabase } from "./assert-local-database";

export default function setup() {
  assertLocalTestDatabase();
}
