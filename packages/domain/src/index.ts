/**
 * @lao-protect/domain: the shared vocabulary for protection of trafficked persons in Lao PDR.
 * Each module is one concept and exports a schema and its type under the same name.
 */
export * as Label from "./Label.ts"
