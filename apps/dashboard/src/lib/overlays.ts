/**
 * ILLUSTRATIVE overlays shipped with the app, used only when the deployment provides no planning
 * input: they show what the layers look like and are labelled "illustrative" wherever drawn. They
 * are NOT the real Child Protection Network coverage (which the seed describes as 5 provinces and
 * 15 districts supported by MLSW/UNICEF) nor real shelter locations.
 */
export const ILLUSTRATIVE_CPN_DISTRICTS: ReadonlyArray<string> = [
  "LA0101",
  "LA0102",
  "LA0103",
  "LA0501",
  "LA0502",
  "LA0503",
  "LA0601",
  "LA0602",
  "LA0603",
  "LA1301",
  "LA1302",
  "LA1303",
  "LA1601",
  "LA1602",
  "LA1603",
]

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
