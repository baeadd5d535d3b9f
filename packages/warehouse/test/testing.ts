/**
 * `@lao-protect/warehouse/testing`: test fixtures other packages' tests reuse (the dashboard's e2e):
 * the small facts cube of the view tests and the canary identifiers with their scanner.
 */
export { assertNoCanaries, CANARIES, findCanaries } from "./hardening/canaries.ts"
export { loadFixtureFacts } from "./views-fixture.ts"
