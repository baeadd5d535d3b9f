/**
 * A small CaseModel for tests of the generic machinery (DDL, migration, validation SQL) that must
 * not depend on the domain's current code lists, e.g. "a warehouse created with an older enum set".
 */
import type { CaseModel, ColumnSpec, EnumSpec, PlaceMatch } from "../../src/node/schema/model.ts"

const provinces = [
  { code: "LA01", names: ["Vientiane Capital", "ນະຄອນຫຼວງວຽງຈັນ"] },
  { code: "LA16", names: ["Champasak", "Champasack", "ຈຳປາສັກ"] },
  { code: "LA06", names: ["Luang Prabang", "Louangphabang"] },
]
const districts = [
  { code: "LA0101", province: "LA01", names: ["Chanthabuly", "Chanthabouly", "ຈັນທະບູລີ"] },
  { code: "LA1601", province: "LA16", names: ["Pakse"] },
  { code: "LA1606", province: "LA16", names: ["Phonthong"] },
  { code: "LA0612", province: "LA06", names: ["Phonthong"] },
]
const countries = ["THA", "CHN", "LAO", "VNM"]
const norm = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_-]+/g, "")
const find = <T extends { code: string; names: ReadonlyArray<string> }>(
  list: ReadonlyArray<T>,
  text: string,
): T[] =>
  list.filter(
    (x) => x.code.toLowerCase() === text.trim().toLowerCase() || x.names.some((n) => norm(n) === norm(text)),
  )
const toMatch = (found: ReadonlyArray<{ code: string }>): PlaceMatch =>
  found.length === 1
    ? { code: found[0]!.code }
    : found.length > 1
      ? { ambiguous: found.map((f) => f.code) }
      : { unknown: true }

export function testModel(options: { sexCodes?: ReadonlyArray<string> } = {}): CaseModel {
  const e = (name: string, codes: ReadonlyArray<string>): EnumSpec => ({ name, codes })
  const partner = e("partner", ["afesip", "lwu", "mlsw", "other"])
  const sex = e("sex", options.sexCodes ?? ["female", "male", "non_binary", "unknown"])
  const province = e(
    "province_code",
    provinces.map((p) => p.code),
  )
  const district = e(
    "district_code",
    districts.map((d) => d.code),
  )
  const country = e("country_code", countries)
  const service = e("service", ["shelter", "medical", "legal_counselling"])
  const col = (c: Partial<ColumnSpec> & Pick<ColumnSpec, "name" | "kind">): ColumnSpec => ({
    required: false,
    aliases: [],
    expected: c.name,
    ...c,
  })
  return {
    stageDates: ["return_date", "bid_date"].length ? ["bid_date", "return_date"] : [],
    columns: [
      col({
        name: "case_id",
        kind: "text",
        required: true,
        pattern: "[A-Za-z0-9._/-]{1,64}",
        aliases: ["Case ID", "ລະຫັດກໍລະນີ"],
        expected: "1-64 letters, digits, . _ / -",
      }),
      col({ name: "source", kind: "code", required: true, enum: partner, expected: "a partner code" }),
      col({
        name: "identification_date",
        kind: "date",
        required: true,
        minDate: "1990-01-01",
        notFuture: true,
        aliases: ["Date identified"],
      }),
      col({
        name: "sex",
        kind: "code",
        required: true,
        enum: sex,
        aliases: ["Gender", "ເພດ"],
        expected: sex.codes.join(", "),
      }),
      col({ name: "date_of_birth", kind: "date", aliases: ["DOB"] }),
      col({ name: "age_years", kind: "int", min: 0, max: 120, aliases: ["Age"] }),
      col({
        name: "citizenship",
        kind: "place",
        place: "country",
        enum: country,
        expected: "an ISO country code",
      }),
      col({
        name: "origin_district",
        kind: "place",
        place: "district",
        enum: district,
        aliases: ["District"],
      }),
      col({
        name: "origin_province",
        kind: "place",
        place: "province",
        enum: province,
        aliases: ["Province of origin"],
      }),
      col({ name: "services", kind: "codes", enum: service, expected: service.codes.join(", ") }),
      col({ name: "bid_date", kind: "date" }),
      col({ name: "return_date", kind: "date" }),
      col({ name: "notes", kind: "text" }),
    ],
    places: {
      province: (t) => toMatch(find(provinces, t)),
      district: (t, hint) => {
        const all = find(districts, t)
        const narrowed = hint ? all.filter((d) => d.province === hint) : all
        return toMatch(narrowed.length > 0 ? narrowed : all)
      },
      checkpoint: () => ({ unknown: true }),
      country: (t) =>
        countries.includes(t.trim().toUpperCase()) ? { code: t.trim().toUpperCase() } : { unknown: true },
      provinceOfDistrict: (c) => districts.find((d) => d.code === c)?.province,
    },
  }
}
