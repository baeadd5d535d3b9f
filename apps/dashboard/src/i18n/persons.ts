/** Messages for counting persons (linked partner records) beside cases, and referrals between provinces. */
import { defineCatalogue, review as needs } from "./catalogue.ts"

const en = {
  countLabel: "Count",
  countCases: "Cases (partner records)",
  countPersons: "Persons (each counted once)",
  personsNote:
    "Persons: partners' records linked to one person each ({persons} persons in {cases} cases; {linked} cases were linked). Figures are the published tables; the other filters and the year range do not apply.",
  personsMissing: "This release has no linked partner records: only cases can be shown.",
  personsMapTitle: "Persons by province of origin, all years",
  personsTrendTitle: "Persons and cases identified per year",
  personsYear: "Year",
  personsProvince: "Province",
  personsPersons: "Persons",
  personsCases: "Cases",
  referralsTitle: "Referrals between provinces",
  referralsIntro: "Persons whose next case records another province than the case before it, all years.",
  referralsFrom: "From",
  referralsTo: "To",
  referralsNone: "No person moved between provinces in this release.",
  reviewNotAvailable:
    "The linkage review is for data managers: it is not available with a public release. Open it on the planners' dashboard, behind its access token.",
} as const

type Key = keyof typeof en

const lo: { readonly [K in Key]: string } = {
  countLabel: "ນັບ",
  countCases: "ກໍລະນີ (ບັນທຶກຂອງຄູ່ຮ່ວມງານ)",
  countPersons: "ບຸກຄົນ (ນັບຄົນລະເທື່ອດຽວ)",
  personsNote:
    "ບຸກຄົນ: ບັນທຶກຂອງຄູ່ຮ່ວມງານທີ່ເຊື່ອມໂຍງກັບຄົນດຽວ ({persons} ຄົນ ໃນ {cases} ກໍລະນີ; {linked} ກໍລະນີຖືກເຊື່ອມໂຍງ). ຕົວເລກມາຈາກຕາຕະລາງທີ່ເຜີຍແຜ່; ຕົວກອງອື່ນ ແລະ ໄລຍະປີ ບໍ່ນຳໃຊ້.",
  personsMissing: "ການເຜີຍແຜ່ນີ້ບໍ່ມີບັນທຶກທີ່ເຊື່ອມໂຍງ: ສະແດງໄດ້ແຕ່ກໍລະນີ.",
  personsMapTitle: "ບຸກຄົນຕາມແຂວງເດີມ, ທຸກປີ",
  personsTrendTitle: "ບຸກຄົນ ແລະ ກໍລະນີທີ່ຖືກກຳນົດຕົວຕໍ່ປີ",
  personsYear: "ປີ",
  personsProvince: "ແຂວງ",
  personsPersons: "ບຸກຄົນ",
  personsCases: "ກໍລະນີ",
  referralsTitle: "ການສົ່ງຕໍ່ລະຫວ່າງແຂວງ",
  referralsIntro: "ບຸກຄົນທີ່ກໍລະນີຕໍ່ໄປບັນທຶກແຂວງອື່ນ, ທຸກປີ.",
  referralsFrom: "ຈາກ",
  referralsTo: "ເຖິງ",
  referralsNone: "ບໍ່ມີບຸກຄົນຍ້າຍລະຫວ່າງແຂວງ ໃນການເຜີຍແຜ່ນີ້.",
  reviewNotAvailable: "ການກວດການເຊື່ອມໂຍງແມ່ນສຳລັບຜູ້ຄຸ້ມຄອງຂໍ້ມູນ: ບໍ່ມີໃນການເຜີຍແຜ່ສາທາລະນະ.",
}

export const persons = defineCatalogue({
  en,
  lo,
  loSources: Object.fromEntries(Object.keys(en).map((k) => [k, needs])) as {
    readonly [K in Key]: typeof needs
  },
})
