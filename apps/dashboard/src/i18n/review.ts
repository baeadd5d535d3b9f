/** Messages for the record-linkage review page (data managers). */
import { defineCatalogue, review as needs } from "./catalogue.ts"

const en = {
  pageReview: "Linkage review",
  reviewIntro:
    "Probable matches between partners' records, with the fields that agree and the weight of each. Open the queue exported with `lao-protect submission review --export queue.json`; download your decisions and store them with `--apply decisions.json`. Nothing leaves this browser.",
  reviewOpen: "Open review queue",
  reviewBadFile: "Not a review queue file: {reason}",
  reviewEmpty: "No pairs waiting for review.",
  reviewPairs: "{n} pairs, {d} decided",
  reviewProbability: "Match probability",
  reviewRecord: "Record",
  reviewConfirm: "Same person",
  reviewReject: "Different persons",
  reviewDownload: "Download decisions",
  reviewFieldGiven: "Given name",
  reviewFieldFamily: "Family name",
  reviewFieldBirth: "Birth",
  reviewFieldSex: "Sex",
  reviewFieldPlace: "Origin",
  reviewFieldVillage: "Village",
  reviewFieldIdentified: "Identified",
  reviewMissing: "missing",
  reviewDiffers: "differs",
  reviewExact: "same",
  reviewClose: "close spelling",
  reviewSimilar: "similar spelling",
  reviewSameDate: "same date",
  reviewSwapped: "day and month swapped",
  reviewSameYear: "same year",
  reviewYearOff: "year +-1",
  reviewSameDistrict: "same district",
  reviewSameProvince: "same province",
  reviewWithin90Days: "within 90 days",
  reviewApart: "more than 90 days apart, earlier case open",
  reviewAfterClosed: "after the earlier case closed",
} as const

type Key = keyof typeof en

const lo: { readonly [K in Key]: string } = {
  pageReview: "ກວດການເຊື່ອມໂຍງ",
  reviewIntro:
    "ຄູ່ບັນທຶກທີ່ອາດເປັນຄົນດຽວກັນ ລະຫວ່າງອົງການຄູ່ຮ່ວມງານ ພ້ອມຂໍ້ມູນທີ່ກົງກັນ ແລະ ນ້ຳໜັກ. ເປີດໄຟລ໌ທີ່ສົ່ງອອກດ້ວຍ `lao-protect submission review --export queue.json`; ດາວໂຫຼດການຕັດສິນ ແລະ ບັນທຶກດ້ວຍ `--apply decisions.json`.",
  reviewOpen: "ເປີດລາຍການກວດ",
  reviewBadFile: "ບໍ່ແມ່ນໄຟລ໌ລາຍການກວດ: {reason}",
  reviewEmpty: "ບໍ່ມີຄູ່ທີ່ລໍຖ້າກວດ.",
  reviewPairs: "{n} ຄູ່, ຕັດສິນແລ້ວ {d}",
  reviewProbability: "ຄວາມເປັນໄປໄດ້",
  reviewRecord: "ບັນທຶກ",
  reviewConfirm: "ຄົນດຽວກັນ",
  reviewReject: "ຕ່າງຄົນ",
  reviewDownload: "ດາວໂຫຼດການຕັດສິນ",
  reviewFieldGiven: "ຊື່",
  reviewFieldFamily: "ນາມສະກຸນ",
  reviewFieldBirth: "ວັນເກີດ",
  reviewFieldSex: "ເພດ",
  reviewFieldPlace: "ບ່ອນເກີດ",
  reviewFieldVillage: "ບ້ານ",
  reviewFieldIdentified: "ການລະບຸຕົວ",
  reviewMissing: "ບໍ່ມີຂໍ້ມູນ",
  reviewDiffers: "ຕ່າງກັນ",
  reviewExact: "ຄືກັນ",
  reviewClose: "ສະກົດໃກ້ຄຽງ",
  reviewSimilar: "ສະກົດຄ້າຍກັນ",
  reviewSameDate: "ວັນດຽວກັນ",
  reviewSwapped: "ວັນ ແລະ ເດືອນສັບກັນ",
  reviewSameYear: "ປີດຽວກັນ",
  reviewYearOff: "ປີ +-1",
  reviewSameDistrict: "ເມືອງດຽວກັນ",
  reviewSameProvince: "ແຂວງດຽວກັນ",
  reviewWithin90Days: "ພາຍໃນ 90 ວັນ",
  reviewApart: "ຫ່າງກັນເກີນ 90 ວັນ, ກໍລະນີກ່ອນຍັງບໍ່ປິດ",
  reviewAfterClosed: "ຫຼັງຈາກປິດກໍລະນີກ່ອນ",
}

export const review = defineCatalogue({
  en,
  lo,
  loSources: Object.fromEntries(Object.keys(en).map((k) => [k, needs])) as {
    readonly [K in Key]: typeof needs
  },
})
