/**
 * ILLUSTRATIVE shelter points shipped with the app, labelled "illustrative" wherever drawn; not real
 * shelter locations. CPN coverage is not here: the map reads the planning input (one file format,
 * one parser: pages/planning/inputs.ts, the planning package's CpnCoverage).
 */
export interface Shelter {
  readonly id: string
  readonly province: string
  readonly lat: number
  readonly lon: number
}

/** Example points near four provincial capitals; not real shelter addresses. */
export const ILLUSTRATIVE_SHELTERS: ReadonlyArray<Shelter> = [
  { id: "example-1", province: "LA01", lat: 17.97, lon: 102.6 },
  { id: "example-2", province: "LA13", lat: 16.57, lon: 104.76 },
  { id: "example-3", province: "LA16", lat: 15.12, lon: 105.8 },
  { id: "example-4", province: "LA05", lat: 20.27, lon: 100.42 },
]
