/**
 * The subset of the team glossary (`/work/shared/reference/lao-glossary.csv`) that the domain
 * labels use. Every entry is copied verbatim with the glossary's English key and confidence, so a
 * label that cites `glossary("female")` can be traced back to its Lao-language source. Entries the
 * glossary rates `low` are deliberately absent: labels that would need them are flagged for review.
 */
export const glossaryEntries = {
  "identification (of victims)": { lo: "ການລະບຸຕົວ", confidence: "high" },
  "follow-up": { lo: "ຕິດຕາມ", confidence: "medium" },
  "closed (case status)": { lo: "ປິດ", confidence: "medium" },
  referral: { lo: "ການສົ່ງຕໍ່", confidence: "high" },
  female: { lo: "ຍິງ", confidence: "high" },
  male: { lo: "ເພດຊາຍ", confidence: "medium" },
  "no data": { lo: "ບໍ່ມີຂໍ້ມູນ", confidence: "high" },
  "sexual exploitation": { lo: "ຂູດຮີດທາງເພດ", confidence: "high" },
  "forced labour": { lo: "ແຮງງານທີ່ຖືກບັງຄັບ", confidence: "medium" },
  "forced marriage": { lo: "ການບັງຄັບແຕ່ງງານ", confidence: "high" },
  trafficker: { lo: "ນັກຄ້າມະນຸດ", confidence: "medium" },
  shelter: { lo: "ທີ່ພັກຫລົບໄພ", confidence: "medium" },
  "medical care": { lo: "ການຊ່ວຍເຫຼືອການແພດ", confidence: "medium" },
  "vocational training": { lo: "ການຝຶກວິຊາຊີບ", confidence: "medium" },
  "National Secretariat on Anti-Human Trafficking": {
    lo: "ກອງເລຂາຄະນະກໍາມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
    confidence: "high",
  },
  "Ministry of Labour and Social Welfare": { lo: "ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ", confidence: "high" },
  "Anti-Human Trafficking Department (police, MoPS)": {
    lo: "ກົມຕຳຫຼວດສະກັດກັ້ນ ແລະ ຕ້ານການຄ້າມະນຸດ",
    confidence: "high",
  },
  "Lao Women's Union": { lo: "ສະຫະພັນແມ່ຍິງລາວ", confidence: "high" },
  "International Organization for Migration (IOM)": {
    lo: "ອົງການສາກົນເພື່ອການເຄື່ອນຍ້າຍຖິ່ນຖານ",
    confidence: "high",
  },
  case: { lo: "ກໍລະນີ", confidence: "high" },
  "victim of trafficking": { lo: "ຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ", confidence: "high" },
  "sex (dimension)": { lo: "ເພດ", confidence: "high" },
  age: { lo: "ອາຍຸ", confidence: "high" },
  ethnicity: { lo: "ຊົນເຜົ່າ", confidence: "high" },
  language: { lo: "ພາສາ", confidence: "high" },
  district: { lo: "ເມືອງ", confidence: "high" },
  province: { lo: "ແຂວງ", confidence: "high" },
  village: { lo: "ບ້ານ", confidence: "high" },
  "border checkpoint": { lo: "ດ່ານຊາຍແດນ", confidence: "high" },
  "destination (country)": { lo: "ຈຸດໝາຍ", confidence: "medium" },
  exploitation: { lo: "ການຂູດຮີດ", confidence: "high" },
  "best interest determination": { lo: "ຜົນປະໂຫຍດອັນສູງສຸດຂອງເດັກ", confidence: "medium" },
  "source (of data)": { lo: "ແຫຼ່ງຂໍ້ມູນ", confidence: "high" },
} as const

export type GlossaryTerm = keyof typeof glossaryEntries

/** The verbatim Lao term of a glossary entry. */
export const glossary = (term: GlossaryTerm): string => glossaryEntries[term].lo

/** All Lao strings the glossary vouches for: a label without `loNeedsReview` must use one of them. */
export const sourcedLao: ReadonlySet<string> = new Set(Object.values(glossaryEntries).map((e) => e.lo))
