/**
 * English-Lao glossary of the project (131 terms), project-owned reference data.
 *
 * Transcribed from the team's glossary (`lao-glossary.csv` and its README). Every `lo` value appears
 * word for word in a Lao-language source (Lao Women's Union, National Committee on Anti-Trafficking
 * in Persons, UNICEF Laos, Ministry of Justice, Lao National Radio, KPL, Open Development Laos, DHIS2
 * Lao translation files, Unicode CLDR). Nothing was written from memory; where no source was found
 * `lo` is empty and `confidence` is null: those terms need a Lao translator.
 * - high: an official or Lao-written source uses the string in exactly this sense;
 * - medium: a Lao source, but the sense was inferred;
 * - low: a single informal or partly machine-translated source.
 * Lao text mixes encodings (U+0EB3 vs U+0ECD U+0EB2; ໝ/ຫມ; ໜ/ຫນ; ຼ/ຫລ): compare with `normalizeName`.
 * This file is the source of truth: edit it here, with the source of the change in the commit message.
 */

export interface GlossaryRow {
  readonly en: string
  readonly lo: string
  readonly sources: ReadonlyArray<string>
  readonly confidence: "high" | "medium" | "low" | null
}

export const glossaryRows: ReadonlyArray<GlossaryRow> = [
  {
    en: "human trafficking",
    lo: "ການຄ້າມະນຸດ",
    sources: [
      "http://laowomenunion.org.la/index.php/column/34-2017-07-06-08-12-00/705-2018-12-12-04-14-45",
      "https://laosncatip.gov.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2%E0%BA%AB%E0%BA%B2%E0%BA%A5%E0%BA%B7-%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81/",
      "https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/",
    ],
    confidence: "high",
  },
  {
    en: "victim of trafficking",
    lo: "ຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1-%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%99%E0%BA%B3/",
      "https://laowomenunion.org.la/%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%97%E0%BA%BB%E0%BA%9A%E0%BA%97%E0%BA%A7%E0%BA%99%E0%BA%84%E0%BA%B7/",
      "https://legal-aid.moj.gov.la/legal_aid/",
    ],
    confidence: "high",
  },
  { en: "trafficked person", lo: "", sources: [], confidence: null },
  {
    en: "survivor",
    lo: "ຜູ້ລອດຊີວິດ",
    sources: [
      "https://pakaad.com/2020/12/15/24755/ (KPL/ຂປລ. news item)",
      "https://lao.voanews.com/a/trump-signs-executive-order-in-effort-to-combat-human-trafficking/5275025.html",
    ],
    confidence: "high",
  },
  {
    en: "child",
    lo: "ເດັກ",
    sources: [
      "https://www.unicef.org/laos/lo/reports/%E0%BA%A1%E0%BA%B2%E0%BA%94%E0%BA%95%E0%BA%B0%E0%BA%96%E0%BA%B2%E0%BA%99%E0%BA%82%E0%BA%B1%E0%BB%89%E0%BA%99%E0%BA%95%E0%BA%AD%E0%BA%99%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%84%E0%BA%B8%E0%BB%89%E0%BA%A1%E0%BA%84%E0%BA%AD%E0%BA%87%E0%BA%81%E0%BB%8D%E0%BA%A5%E0%BA%B0%E0%BA%99%E0%BA%B5%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81%E0%BA%B1%E0%BA%9A%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81",
      "https://lo.wikipedia.org/wiki/%E0%BA%AA%E0%BA%B4%E0%BA%94%E0%BA%97%E0%BA%B4%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81",
    ],
    confidence: "high",
  },
  {
    en: "children (UI label)",
    lo: "ເດັກນ້ອຍ",
    sources: [
      "https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/",
      "https://laowomenunion.org.la/%E0%BA%AA%E0%BA%B9%E0%BA%99%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BA%84%E0%BA%B3%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2-%E0%BB%81%E0%BA%A5%E0%BA%B0-%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD/",
    ],
    confidence: "high",
  },
  {
    en: "woman",
    lo: "ແມ່ຍິງ",
    sources: [
      "https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/",
      "https://laowomenunion.org.la/%E0%BA%AA%E0%BA%B9%E0%BA%99%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BA%84%E0%BA%B3%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2-%E0%BB%81%E0%BA%A5%E0%BA%B0-%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD/",
    ],
    confidence: "high",
  },
  {
    en: "man",
    lo: "ຜູ້ຊາຍ",
    sources: ["https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/"],
    confidence: "high",
  },
  {
    en: "girl",
    lo: "ເດັກຍິງ",
    sources: [
      "https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/",
      "https://pakaad.com/2020/12/15/24755/ (KPL/ຂປລ. news item)",
    ],
    confidence: "high",
  },
  {
    en: "boy",
    lo: "ເດັກຊາຍ",
    sources: [
      "sdg-laos/data: translations/dsd/lo/SEX.yml (code B)",
      "https://fangkhao99laos.com/25/11/2020/25071/",
    ],
    confidence: "medium",
  },
  {
    en: "province",
    lo: "ແຂວງ",
    sources: [
      "https://lsr.com.la/14179/",
      "JarnKet/ctlh-frontend: src/consts/salavanProvince.js",
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "district",
    lo: "ເມືອງ",
    sources: [
      "https://lsr.com.la/14179/",
      "JarnKet/ctlh-frontend: src/consts/salavanProvince.js",
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "village",
    lo: "ບ້ານ",
    sources: ["https://lsr.com.la/14179/", "JarnKet/ctlh-frontend: src/consts/salavanProvince.js"],
    confidence: "high",
  },
  {
    en: "border checkpoint",
    lo: "ດ່ານຊາຍແດນ",
    sources: [
      "https://lnr.org.la/%E0%BA%AE%E0%BA%AD%E0%BA%87%E0%BA%A5%E0%BA%B1%E0%BA%94%E0%BA%96%E0%BA%B0%E0%BA%A1%E0%BA%BB%E0%BA%99%E0%BA%95%E0%BA%B5%E0%BA%81%E0%BA%B0%E0%BA%8A%E0%BA%A7%E0%BA%87%E0%BA%81%E0%BA%B2%E0%BA%99-15/",
      "https://laos.pp.opendevelopmentmekong.net/lo/news/25-chinese-nationals-deported-for-illegally-entering-laos",
    ],
    confidence: "high",
  },
  {
    en: "international checkpoint",
    lo: "ດ່ານສາກົນ",
    sources: [
      "https://www.insidelaos.com/2020/03/20/24891/ (quotes MPWT statistics 2016)",
      "https://lnr.org.la/%E0%BA%AE%E0%BA%AD%E0%BA%87%E0%BA%A5%E0%BA%B1%E0%BA%94%E0%BA%96%E0%BA%B0%E0%BA%A1%E0%BA%BB%E0%BA%99%E0%BA%95%E0%BA%B5%E0%BA%81%E0%BA%B0%E0%BA%8A%E0%BA%A7%E0%BA%87%E0%BA%81%E0%BA%B2%E0%BA%99-15/",
      "http://www.laoyouth-radio.com/2020/01/blog-post_8.html",
    ],
    confidence: "high",
  },
  {
    en: "local border checkpoint",
    lo: "ດ່ານທ້ອງຖິ່ນ",
    sources: [
      "https://www.insidelaos.com/2020/03/20/24891/ (quotes MPWT statistics 2016)",
      "https://lnr.org.la/%E0%BA%AE%E0%BA%AD%E0%BA%87%E0%BA%A5%E0%BA%B1%E0%BA%94%E0%BA%96%E0%BA%B0%E0%BA%A1%E0%BA%BB%E0%BA%99%E0%BA%95%E0%BA%B5%E0%BA%81%E0%BA%B0%E0%BA%8A%E0%BA%A7%E0%BA%87%E0%BA%81%E0%BA%B2%E0%BA%99-15/",
    ],
    confidence: "high",
  },
  {
    en: "traditional border crossing",
    lo: "ດ່ານປະເພນີ",
    sources: ["https://www.insidelaos.com/2020/03/20/24891/ (quotes MPWT statistics 2016)"],
    confidence: "high",
  },
  {
    en: "Friendship Bridge",
    lo: "ຂົວມິດຕະພາບ",
    sources: [
      "https://laopost.com/?p=25404 (KPL/ຂປລ. item)",
      "Vientiane Times Lao (ANN) item: ຂົວມິດຕະພາບລາວ-ໄທແຫ່ງທຳອິດ",
    ],
    confidence: "high",
  },
  {
    en: "shelter",
    lo: "ທີ່ພັກຫລົບໄພ",
    sources: ["https://pakaad.com/2020/12/15/24755/ (KPL/ຂປລ. news item)"],
    confidence: "medium",
  },
  {
    en: "safe shelter",
    lo: "ທີ່ພັກຫລົບໄພ",
    sources: ["https://pakaad.com/2020/12/15/24755/ (KPL/ຂປລ. news item)"],
    confidence: "medium",
  },
  {
    en: "case",
    lo: "ກໍລະນີ",
    sources: [
      "https://www.unicef.org/laos/lo/reports/%E0%BA%A1%E0%BA%B2%E0%BA%94%E0%BA%95%E0%BA%B0%E0%BA%96%E0%BA%B2%E0%BA%99%E0%BA%82%E0%BA%B1%E0%BB%89%E0%BA%99%E0%BA%95%E0%BA%AD%E0%BA%99%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%84%E0%BA%B8%E0%BB%89%E0%BA%A1%E0%BA%84%E0%BA%AD%E0%BA%87%E0%BA%81%E0%BB%8D%E0%BA%A5%E0%BA%B0%E0%BA%99%E0%BA%B5%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81%E0%BA%B1%E0%BA%9A%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81",
    ],
    confidence: "high",
  },
  {
    en: "case management",
    lo: "ການຄຸ້ມຄອງກໍລະນີ",
    sources: [
      "https://www.unicef.org/laos/lo/reports/%E0%BA%A1%E0%BA%B2%E0%BA%94%E0%BA%95%E0%BA%B0%E0%BA%96%E0%BA%B2%E0%BA%99%E0%BA%82%E0%BA%B1%E0%BB%89%E0%BA%99%E0%BA%95%E0%BA%AD%E0%BA%99%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%84%E0%BA%B8%E0%BB%89%E0%BA%A1%E0%BA%84%E0%BA%AD%E0%BA%87%E0%BA%81%E0%BB%8D%E0%BA%A5%E0%BA%B0%E0%BA%99%E0%BA%B5%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81%E0%BA%B1%E0%BA%9A%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81",
    ],
    confidence: "high",
  },
  {
    en: "identification (of victims)",
    lo: "ການລະບຸຕົວ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%97%E0%BA%BB%E0%BA%9A%E0%BA%97%E0%BA%A7%E0%BA%99%E0%BA%84%E0%BA%B7/",
    ],
    confidence: "high",
  },
  {
    en: "identification (alt. term in LWU/IOM manual title)",
    lo: "ການກໍານົດຕົວ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%97%E0%BA%BB%E0%BA%9A%E0%BA%97%E0%BA%A7%E0%BA%99%E0%BA%84%E0%BA%B7/",
    ],
    confidence: "high",
  },
  { en: "interim care", lo: "", sources: [], confidence: null },
  {
    en: "protection",
    lo: "ການປົກປ້ອງ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1-%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%99%E0%BA%B3/",
      "https://www.unicef.org/laos/lo/press-releases/%E0%BA%9A%E0%BA%B1%E0%BA%99%E0%BA%94%E0%BA%B2%E0%BA%84%E0%BA%B9%E0%BB%88%E0%BA%AE%E0%BB%88%E0%BA%A7%E0%BA%A1%E0%BA%87%E0%BA%B2%E0%BA%99%E0%BB%80%E0%BA%95%E0%BA%BB%E0%BB%89%E0%BA%B2%E0%BB%82%E0%BA%AE%E0%BA%A1%E0%BA%81%E0%BA%B1%E0%BA%99%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%AA%E0%BB%89%E0%BA%B2%E0%BA%87%E0%BA%84%E0%BA%A7%E0%BA%B2%E0%BA%A1%E0%BB%80%E0%BA%82%E0%BA%B1%E0%BB%89%E0%BA%A1%E0%BB%81%E0%BA%82%E0%BA%87%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BB%81%E0%BA%81%E0%BB%88%E0%BA%A5%E0%BA%B0%E0%BA%9A%E0%BA%BB%E0%BA%9A%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81-%E0%BB%81%E0%BA%A5%E0%BA%B0",
    ],
    confidence: "high",
  },
  { en: "assessment", lo: "", sources: [], confidence: null },
  {
    en: "best interest determination",
    lo: "ຜົນປະໂຫຍດອັນສູງສຸດຂອງເດັກ",
    sources: [
      "https://lo.wikipedia.org/wiki/%E0%BA%AA%E0%BA%B4%E0%BA%94%E0%BA%97%E0%BA%B4%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81",
    ],
    confidence: "medium",
  },
  {
    en: "return",
    lo: "ການກັບຄືນຖິ່ນຖານ",
    sources: [
      "https://laopdr.un.org/lo/104294-kaankbkhyynthinthaanaynailnya-covid-19-elyyngeloaakhngnaang-nny-phuuobphanyobkhyynthin",
    ],
    confidence: "medium",
  },
  {
    en: "repatriation / repatriated",
    lo: "ຖືກສົ່ງກັບ",
    sources: [
      "https://www.rfa.org/lao/daily/human-trafficking/victims-of-human-trafficking-do-not-have-rehabilitation-in-laos-after-repatriate-from-thai-06012018090831.html",
    ],
    confidence: "low",
  },
  { en: "reception", lo: "", sources: [], confidence: null },
  { en: "reintegration", lo: "", sources: [], confidence: null },
  {
    en: "follow-up",
    lo: "ຕິດຕາມ",
    sources: ["dhis2/capture-app: i18n/lo.po", "dhis2/maps-app: i18n/lo.po"],
    confidence: "medium",
  },
  {
    en: "closed (case status)",
    lo: "ປິດ",
    sources: [
      "dhis2/capture-app: i18n/lo.po",
      "dhis2/analytics: i18n/lo.po",
      "dhis2/ui: components/header-bar/i18n/lo.po",
    ],
    confidence: "medium",
  },
  {
    en: "referral",
    lo: "ການສົ່ງຕໍ່",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1-%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%99%E0%BA%B3/",
    ],
    confidence: "high",
  },
  {
    en: "counselling",
    lo: "ການບໍລິການໃຫ້ຄຳປຶກສາ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%AA%E0%BA%B9%E0%BA%99%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BA%84%E0%BA%B3%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2-%E0%BB%81%E0%BA%A5%E0%BA%B0-%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD/",
    ],
    confidence: "high",
  },
  {
    en: "medical care",
    lo: "ການຊ່ວຍເຫຼືອການແພດ",
    sources: [
      "http://moj.gov.la/lo/%E0%BA%81%E0%BA%BB%E0%BA%A1%E0%BA%AA%E0%BA%BB%E0%BB%88%E0%BA%87%E0%BB%80%E0%BA%AA%E0%BA%B5%E0%BA%A1%E0%BA%A5%E0%BA%B0%E0%BA%9A%E0%BA%BB%E0%BA%9A%E0%BA%8D%E0%BA%B8%E0%BA%95%E0%BA%B4%E0%BA%97%E0%BA%B3/news/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1-%E0%BA%AA%E0%BA%B3%E0%BA%A1%E0%BA%B0%E0%BA%99%E0%BA%B2/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%AA%E0%BA%B3%E0%BA%A1%E0%BA%B0%E0%BA%99%E0%BA%B2%E0%BB%80%E0%BA%A7%E0%BA%97%E0%BA%B5%E0%BA%9E%E0%BA%B2%E0%BA%81%E0%BA%9E%E0%BA%B7%E0%BB%89%E0%BA%99%E0%BA%A7%E0%BB%88%E0%BA%B2%E0%BA%94%E0%BB%89%E0%BA%A7%E0%BA%8D",
    ],
    confidence: "medium",
  },
  {
    en: "legal aid",
    lo: "ການຊ່ວຍເຫຼືອທາງດ້ານກົດໝາຍ",
    sources: ["https://legal-aid.moj.gov.la/legal_aid/"],
    confidence: "high",
  },
  {
    en: "vocational training",
    lo: "ການຝຶກວິຊາຊີບ",
    sources: ["https://vientianepost.com/23463"],
    confidence: "medium",
  },
  {
    en: "recruiter / broker",
    lo: "ນາຍໜ້າ",
    sources: ["https://laothai.org/2020/12/25820/", "http://www.lao-info.net/news/html/150729042219.html"],
    confidence: "low",
  },
  {
    en: "trafficker",
    lo: "ນັກຄ້າມະນຸດ",
    sources: [
      "https://lao.voanews.com/a/trump-signs-executive-order-in-effort-to-combat-human-trafficking/5275025.html",
    ],
    confidence: "medium",
  },
  {
    en: "exploitation",
    lo: "ການຂູດຮີດ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%9E%E0%BA%B4%E0%BA%97%E0%BA%B5%E0%BB%80%E0%BA%9B%E0%BA%B5%E0%BA%94%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%9B%E0%BA%B9/",
    ],
    confidence: "high",
  },
  {
    en: "sexual exploitation",
    lo: "ຂູດຮີດທາງເພດ",
    sources: ["http://laowomenunion.org.la/index.php/column/34-2017-07-06-08-12-00/705-2018-12-12-04-14-45"],
    confidence: "high",
  },
  {
    en: "labour exploitation",
    lo: "ການຂູດຮີດແຮງງານ",
    sources: ["https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/"],
    confidence: "high",
  },
  {
    en: "forced labour",
    lo: "ແຮງງານທີ່ຖືກບັງຄັບ",
    sources: ["https://www.lsb.gov.la/sdg/8-7-1/"],
    confidence: "medium",
  },
  {
    en: "forced marriage",
    lo: "ການບັງຄັບແຕ່ງງານ",
    sources: ["https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/"],
    confidence: "high",
  },
  { en: "domestic work", lo: "", sources: [], confidence: null },
  {
    en: "ethnic group",
    lo: "ຊົນເຜົ່າ",
    sources: [
      "https://laopost.com/archives/67018",
      "https://kongphaly.la/list-of-all-enthnicies-in-laos/",
      "https://laoatlas.net/links/Section%20F/Ethnicity%20and%20religionl.html",
    ],
    confidence: "high",
  },
  {
    en: "ethnicity",
    lo: "ຊົນເຜົ່າ",
    sources: ["https://laoatlas.net/links/Section%20F/Ethnicity%20and%20religionl.html"],
    confidence: "high",
  },
  {
    en: "ethnolinguistic family (language group)",
    lo: "ໝວດພາສາ",
    sources: [
      "https://laopost.com/archives/67018",
      "https://kongphaly.la/list-of-all-enthnicies-in-laos/",
      "https://laoatlas.net/links/Section%20F/F3l.html",
    ],
    confidence: "high",
  },
  {
    en: "Lao-Tai",
    lo: "ລາວ-ໄຕ",
    sources: [
      "https://laopost.com/archives/67018",
      "https://kongphaly.la/list-of-all-enthnicies-in-laos/",
      "https://laoatlas.net/links/Section%20F/F3l.html",
    ],
    confidence: "high",
  },
  {
    en: "Mon-Khmer",
    lo: "ມອນ-ຂະແມ",
    sources: [
      "https://laopost.com/archives/67018",
      "https://kongphaly.la/list-of-all-enthnicies-in-laos/",
      "https://laoatlas.net/links/Section%20F/F3l.html",
    ],
    confidence: "high",
  },
  {
    en: "Hmong-Mien",
    lo: "ມົ້ງ-ອີວມຽນ",
    sources: ["http://lao08.org/pages/hmong-e-mian/phao-hmong"],
    confidence: "medium",
  },
  {
    en: "Sino-Tibetan",
    lo: "ຈີນ-ຕີເບດ",
    sources: ["http://lao08.org/pages/phao-chin-tibed/phao-akar"],
    confidence: "medium",
  },
  { en: "Child Protection Network", lo: "", sources: [], confidence: null },
  {
    en: "child protection system",
    lo: "ລະບົບປົກປ້ອງເດັກ",
    sources: [
      "https://www.unicef.org/laos/lo/press-releases/%E0%BA%9A%E0%BA%B1%E0%BA%99%E0%BA%94%E0%BA%B2%E0%BA%84%E0%BA%B9%E0%BB%88%E0%BA%AE%E0%BB%88%E0%BA%A7%E0%BA%A1%E0%BA%87%E0%BA%B2%E0%BA%99%E0%BB%80%E0%BA%95%E0%BA%BB%E0%BB%89%E0%BA%B2%E0%BB%82%E0%BA%AE%E0%BA%A1%E0%BA%81%E0%BA%B1%E0%BA%99%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%AA%E0%BB%89%E0%BA%B2%E0%BA%87%E0%BA%84%E0%BA%A7%E0%BA%B2%E0%BA%A1%E0%BB%80%E0%BA%82%E0%BA%B1%E0%BB%89%E0%BA%A1%E0%BB%81%E0%BA%82%E0%BA%87%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BB%81%E0%BA%81%E0%BB%88%E0%BA%A5%E0%BA%B0%E0%BA%9A%E0%BA%BB%E0%BA%9A%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81-%E0%BB%81%E0%BA%A5%E0%BA%B0",
    ],
    confidence: "high",
  },
  {
    en: "Commission for the Protection and Assistance of Children",
    lo: "ຄະນະກຳມະການປົກປ້ອງ ແລະ ຊ່ວຍເຫຼືອເດັກ",
    sources: [
      "https://www.unicef.org/laos/lo/press-releases/%E0%BA%9A%E0%BA%B1%E0%BA%99%E0%BA%94%E0%BA%B2%E0%BA%84%E0%BA%B9%E0%BB%88%E0%BA%AE%E0%BB%88%E0%BA%A7%E0%BA%A1%E0%BA%87%E0%BA%B2%E0%BA%99%E0%BB%80%E0%BA%95%E0%BA%BB%E0%BB%89%E0%BA%B2%E0%BB%82%E0%BA%AE%E0%BA%A1%E0%BA%81%E0%BA%B1%E0%BA%99%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%AA%E0%BB%89%E0%BA%B2%E0%BA%87%E0%BA%84%E0%BA%A7%E0%BA%B2%E0%BA%A1%E0%BB%80%E0%BA%82%E0%BA%B1%E0%BB%89%E0%BA%A1%E0%BB%81%E0%BA%82%E0%BA%87%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BB%81%E0%BA%81%E0%BB%88%E0%BA%A5%E0%BA%B0%E0%BA%9A%E0%BA%BB%E0%BA%9A%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81-%E0%BB%81%E0%BA%A5%E0%BA%B0",
    ],
    confidence: "high",
  },
  {
    en: "Lao Women's Union",
    lo: "ສະຫະພັນແມ່ຍິງລາວ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%AA%E0%BA%B9%E0%BA%99%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BA%84%E0%BA%B3%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2-%E0%BB%81%E0%BA%A5%E0%BA%B0-%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD/",
      "https://laowomenunion.org.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1-%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%99%E0%BA%B3/",
    ],
    confidence: "high",
  },
  {
    en: "Counselling and Protection Centre for Women and Children (LWU)",
    lo: "ສູນໃຫ້ຄຳປຶກສາ ແລະ ປົກປ້ອງແມ່ຍິງ-ເດັກນ້ອຍ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%AA%E0%BA%B9%E0%BA%99%E0%BB%83%E0%BA%AB%E0%BB%89%E0%BA%84%E0%BA%B3%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2-%E0%BB%81%E0%BA%A5%E0%BA%B0-%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD/",
      "https://laowomenunion.org.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1-%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%99%E0%BA%B3/",
    ],
    confidence: "high",
  },
  {
    en: "Ministry of Labour and Social Welfare",
    lo: "ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ",
    sources: [
      "http://molsw.gov.la/ministry?a=%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81%E0%BA%B1%E0%BA%9A%E0%BA%81%E0%BA%B0%E0%BA%8A%E0%BA%A7%E0%BA%87%E0%BB%81%E0%BA%AE%E0%BA%87%E0%BA%87%E0%BA%B2%E0%BA%99",
      "https://laosncatip.gov.la/%E0%BA%81%E0%BA%BB%E0%BA%A1%E0%BA%AA%E0%BA%B1%E0%BA%87%E0%BA%84%E0%BA%BB%E0%BA%A1%E0%BA%AA%E0%BA%BB%E0%BA%87%E0%BB%80%E0%BA%84%E0%BA%B2%E0%BA%B0-%E0%BA%81%E0%BA%B0%E0%BA%8A%E0%BA%A7%E0%BA%87%E0%BB%81/",
    ],
    confidence: "high",
  },
  {
    en: "Department of Social Welfare (MoLSW)",
    lo: "ກົມສັງຄົມສົງເຄາະ",
    sources: [
      "https://laosncatip.gov.la/%E0%BA%81%E0%BA%BB%E0%BA%A1%E0%BA%AA%E0%BA%B1%E0%BA%87%E0%BA%84%E0%BA%BB%E0%BA%A1%E0%BA%AA%E0%BA%BB%E0%BA%87%E0%BB%80%E0%BA%84%E0%BA%B2%E0%BA%B0-%E0%BA%81%E0%BA%B0%E0%BA%8A%E0%BA%A7%E0%BA%87%E0%BB%81/",
    ],
    confidence: "high",
  },
  {
    en: "Ministry of Public Security",
    lo: "ກະຊວງປ້ອງກັນຄວາມສະຫງົບ",
    sources: [
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
    ],
    confidence: "high",
  },
  {
    en: "Anti-Human Trafficking Department (police, MoPS)",
    lo: "ກົມຕຳຫຼວດສະກັດກັ້ນ ແລະ ຕ້ານການຄ້າມະນຸດ",
    sources: [
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
      "https://laosncatip.gov.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2%E0%BA%AB%E0%BA%B2%E0%BA%A5%E0%BA%B7-%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81/",
    ],
    confidence: "high",
  },
  {
    en: "National Steering Committee on Anti-Human Trafficking",
    lo: "ຄະນະກໍາມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
    sources: [
      "https://laosncatip.gov.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2%E0%BA%AB%E0%BA%B2%E0%BA%A5%E0%BA%B7-%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81/",
    ],
    confidence: "high",
  },
  {
    en: "National Secretariat on Anti-Human Trafficking",
    lo: "ກອງເລຂາຄະນະກໍາມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
    sources: [
      "https://laosncatip.gov.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2%E0%BA%AB%E0%BA%B2%E0%BA%A5%E0%BA%B7-%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81/",
    ],
    confidence: "high",
  },
  {
    en: "provincial anti-trafficking committee",
    lo: "ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ ຂັ້ນແຂວງ",
    sources: [
      "https://www.medialaos.com/%E0%BA%AE%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%88%E0%BA%BB%E0%BB%89%E0%BA%B2%E0%BB%81%E0%BA%82%E0%BA%A7%E0%BA%87%E0%BA%88%E0%BA%B3%E0%BA%9B%E0%BA%B2%E0%BA%AA%E0%BA%B1%E0%BA%81-%E0%BA%95%E0%BB%89%E0%BA%AD/",
    ],
    confidence: "high",
  },
  {
    en: "Law on Anti-Human Trafficking",
    lo: "ກົດໝາຍວ່າດ້ວຍການຕ້ານການຄ້າມະນຸດ",
    sources: ["http://laowomenunion.org.la/index.php/column/34-2017-07-06-08-12-00/705-2018-12-12-04-14-45"],
    confidence: "high",
  },
  {
    en: "Law on the Protection of the Rights and Interests of Children",
    lo: "ກົດໝາຍວ່າດ້ວຍການປົກປ້ອງສິດ ແລະ ຜົນປະໂຫຍດຂອງເດັກ",
    sources: [
      "https://www.unicef.org/laos/lo/reports/%E0%BA%A1%E0%BA%B2%E0%BA%94%E0%BA%95%E0%BA%B0%E0%BA%96%E0%BA%B2%E0%BA%99%E0%BA%82%E0%BA%B1%E0%BB%89%E0%BA%99%E0%BA%95%E0%BA%AD%E0%BA%99%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%84%E0%BA%B8%E0%BB%89%E0%BA%A1%E0%BA%84%E0%BA%AD%E0%BA%87%E0%BA%81%E0%BB%8D%E0%BA%A5%E0%BA%B0%E0%BA%99%E0%BA%B5%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81%E0%BA%B1%E0%BA%9A%E0%BA%81%E0%BA%B2%E0%BA%99%E0%BA%9B%E0%BA%BB%E0%BA%81%E0%BA%9B%E0%BB%89%E0%BA%AD%E0%BA%87%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81",
      "https://dalam.org.la/2023/06/09/%E0%BA%81%E0%BA%BB%E0%BA%A1%E0%BA%84%E0%BA%B8%E0%BB%89%E0%BA%A1%E0%BA%84%E0%BA%AD%E0%BA%87-%E0%BB%81%E0%BA%A5%E0%BA%B0-%E0%BA%9E%E0%BA%B1%E0%BA%94%E0%BA%97%E0%BA%B0%E0%BA%99%E0%BA%B2%E0%BA%97-3/",
    ],
    confidence: "high",
  },
  {
    en: "World Day against Trafficking in Persons",
    lo: "ວັນສາກົນເພື່ອຕ້ານການຄ້າມະນຸດ",
    sources: [
      "https://laosncatip.gov.la/%e0%ba%a7%e0%ba%b1%e0%ba%99%e0%ba%aa%e0%ba%b2%e0%ba%81%e0%ba%bb%e0%ba%99%e0%bb%80%e0%ba%9e%e0%ba%b7%e0%bb%88%e0%ba%ad%e0%ba%95%e0%bb%89%e0%ba%b2%e0%ba%99%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%84%e0%bb%89",
    ],
    confidence: "high",
  },
  {
    en: "International Organization for Migration (IOM)",
    lo: "ອົງການສາກົນເພື່ອການເຄື່ອນຍ້າຍຖິ່ນຖານ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%97%E0%BA%BB%E0%BA%9A%E0%BA%97%E0%BA%A7%E0%BA%99%E0%BA%84%E0%BA%B7/",
    ],
    confidence: "high",
  },
  {
    en: "migrant worker",
    lo: "ແຮງງານເຄື່ອນຍ້າຍ",
    sources: [
      "https://laowomenunion.org.la/%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BB%80%E0%BA%9E%E0%BA%B7%E0%BB%88%E0%BA%AD%E0%BA%97%E0%BA%BB%E0%BA%9A%E0%BA%97%E0%BA%A7%E0%BA%99%E0%BA%84%E0%BA%B7/",
    ],
    confidence: "high",
  },
  {
    en: "social worker",
    lo: "ນັກສັງຄົມສົງເຄາະ",
    sources: [
      "https://laowomenunion.org.la/%E0%BB%80%E0%BA%9B%E0%BA%B5%E0%BA%94%E0%BA%8A%E0%BA%B8%E0%BA%94%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BA%88%E0%BA%B4%E0%BA%94%E0%BA%95%E0%BA%B0%E0%BA%AA/",
    ],
    confidence: "high",
  },
  {
    en: "destination (country)",
    lo: "ຈຸດໝາຍ",
    sources: ["https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/"],
    confidence: "medium",
  },
  {
    en: "transit (country)",
    lo: "ທາງຜ່ານ",
    sources: ["https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/"],
    confidence: "medium",
  },
  {
    en: "source country",
    lo: "ປະເທດແຫຼ່ງ",
    sources: ["https://laos.opendevelopmentmekong.net/lo/topics/human-trafficking/"],
    confidence: "medium",
  },
  {
    en: "Laos",
    lo: "ລາວ",
    sources: [
      "unicode-org/cldr-json: cldr-json/cldr-localenames-full/main/lo/territories.json (LA)",
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
    ],
    confidence: "high",
  },
  {
    en: "Thailand",
    lo: "ໄທ",
    sources: [
      "unicode-org/cldr-json: cldr-json/cldr-localenames-full/main/lo/territories.json (TH)",
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
    ],
    confidence: "high",
  },
  {
    en: "China",
    lo: "ຈີນ",
    sources: ["unicode-org/cldr-json: cldr-json/cldr-localenames-full/main/lo/territories.json (CN)"],
    confidence: "high",
  },
  {
    en: "Vietnam",
    lo: "ຫວຽດນາມ",
    sources: [
      "unicode-org/cldr-json: cldr-json/cldr-localenames-full/main/lo/territories.json (VN)",
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
    ],
    confidence: "high",
  },
  {
    en: "Myanmar",
    lo: "ມຽນມາ",
    sources: [
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
      "unicode-org/cldr-json: cldr-json/cldr-localenames-full/main/lo/territories.json (MM: ມຽນມາ (ເບີມາ))",
    ],
    confidence: "high",
  },
  {
    en: "Cambodia",
    lo: "ກຳປູເຈຍ",
    sources: [
      "unicode-org/cldr-json: cldr-json/cldr-localenames-full/main/lo/territories.json (KH)",
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
    ],
    confidence: "high",
  },
  {
    en: "Malaysia",
    lo: "ມາເລເຊຍ",
    sources: [
      "unicode-org/cldr-json: cldr-json/cldr-localenames-full/main/lo/territories.json (MY)",
      "https://laosncatip.gov.la/%e0%ba%81%e0%ba%ad%e0%ba%87%e0%ba%9b%e0%ba%b0%e0%ba%8a%e0%ba%b8%e0%ba%a1-%e0%ba%a7%e0%ba%b4%e0%ba%8a%e0%ba%b2%e0%ba%81%e0%ba%b2%e0%ba%99%e0%ba%ad%e0%ba%b2%e0%ba%8a%e0%ba%bd%e0%ba%99-%e0%ba%a7%e0%bb%88",
    ],
    confidence: "high",
  },
  {
    en: "deported",
    lo: "ຖືກເນລະເທດ",
    sources: [
      "https://laos.pp.opendevelopmentmekong.net/lo/news/25-chinese-nationals-deported-for-illegally-entering-laos",
    ],
    confidence: "medium",
  },
  { en: "self-returned", lo: "", sources: [], confidence: null },
  {
    en: "foreign victim",
    lo: "ຄົນຕ່າງປະເທດທີ່ຕົກເປັນເຫຍື່ອການຄ້າມະນຸດ",
    sources: [
      "https://laopost.com/%E0%BA%81%E0%BA%B3%E0%BA%9B%E0%BA%B9%E0%BB%80%E0%BA%88%E0%BA%8D%E0%BA%8A%E0%BB%88%E0%BA%A7%E0%BA%8D%E0%BB%80%E0%BA%AB%E0%BA%BC%E0%BA%B7%E0%BA%AD%E0%BA%84%E0%BA%BB%E0%BA%99%E0%BA%95%E0%BB%88%E0%BA%B2/",
    ],
    confidence: "low",
  },
  {
    en: "per 100,000 population",
    lo: "ຕໍ່ 100,000 ຄົນ",
    sources: ["sdg-laos/data: translations/dsd/lo/UNIT_MEASURE.yml (PER_100000_POP)"],
    confidence: "low",
  },
  { en: "suppressed (too few to show)", lo: "", sources: [], confidence: null },
  {
    en: "no data",
    lo: "ບໍ່ມີຂໍ້ມູນ",
    sources: ["dhis2/analytics: i18n/lo.po", "dhis2/maps-app: i18n/lo.po"],
    confidence: "high",
  },
  { en: "synthetic data", lo: "", sources: [], confidence: null },
  {
    en: "source (of data)",
    lo: "ແຫຼ່ງຂໍ້ມູນ",
    sources: [
      "OpenDevelopmentMekong/wp-odm_theme: i18n/lo.po",
      "https://psc-ch.lsb.gov.la/?page_id=53",
      "open-sdg/sdg-translations: translations/lo/indicator.yml (source)",
    ],
    confidence: "high",
  },
  {
    en: "filter",
    lo: "ຕົວກອງ",
    sources: [
      "dhis2/analytics: i18n/lo.po",
      "dhis2/dashboard-app: i18n/lo.po",
      "dhis2/event-visualizer-app: i18n/lo.po",
    ],
    confidence: "high",
  },
  { en: "export", lo: "ໂອນຂໍ້ມູນອອກ", sources: ["dhis2/import-export-app: i18n/lo.po"], confidence: "medium" },
  {
    en: "download",
    lo: "ດາວໂຫຼດ",
    sources: [
      "OpenDevelopmentMekong/wp-odm_theme: i18n/lo.po",
      "dhis2/maps-app: i18n/lo.po",
      "dhis2/data-visualizer-app: i18n/lo.po",
      "dhis2/reports-app: i18n/lo.po",
    ],
    confidence: "high",
  },
  {
    en: "language",
    lo: "ພາສາ",
    sources: ["OpenDevelopmentMekong/wp-odm_theme: i18n/lo.po"],
    confidence: "high",
  },
  {
    en: "map",
    lo: "ແຜນທີ່",
    sources: [
      "dhis2/analytics: i18n/lo.po",
      "dhis2/dashboard-app: i18n/lo.po",
      "OpenDevelopmentMekong/wp-odm_theme: i18n/lo.po",
    ],
    confidence: "high",
  },
  { en: "chart", lo: "ແຜນພູມ", sources: ["dhis2/dashboard-app: i18n/lo.po"], confidence: "medium" },
  {
    en: "trend",
    lo: "ແນວໂນ້ມ",
    sources: ["dhis2/analytics: i18n/lo.po", "dhis2/data-visualizer-app: i18n/lo.po (Trend line)"],
    confidence: "high",
  },
  {
    en: "year",
    lo: "ປີ",
    sources: [
      "unicode-org/cldr-json: cldr-json/cldr-dates-full/main/lo/dateFields.json",
      "dhis2/analytics: i18n/lo.po",
      "dhis2/maps-app: i18n/lo.po",
    ],
    confidence: "high",
  },
  {
    en: "quarter",
    lo: "ໄຕມາດ",
    sources: [
      "dhis2/analytics: i18n/lo.po",
      "dhis2/reports-app: i18n/lo.po",
      "sdg-laos/data: translations/dsd/lo/FREQ.yml (Q)",
    ],
    confidence: "high",
  },
  {
    en: "month",
    lo: "ເດືອນ",
    sources: [
      "unicode-org/cldr-json: cldr-json/cldr-dates-full/main/lo/dateFields.json",
      "dhis2/analytics: i18n/lo.po",
      "dhis2/reports-app: i18n/lo.po",
    ],
    confidence: "high",
  },
  {
    en: "total",
    lo: "ລວມ",
    sources: [
      "dhis2/import-export-app: i18n/lo.po",
      "dhis2/reports-app: i18n/lo.po",
      "https://psc-ch.lsb.gov.la/?page_id=53 (ລວມທົ່ວແຂວງ)",
    ],
    confidence: "high",
  },
  {
    en: "sex (dimension)",
    lo: "ເພດ",
    sources: [
      "dhis2/user-profile-app: i18n/lo.po (Gender)",
      "https://laoatlas.net/links/Section%20F/Ethnicity%20and%20religionl.html",
    ],
    confidence: "high",
  },
  { en: "male", lo: "ເພດຊາຍ", sources: ["dhis2/user-profile-app: i18n/lo.po"], confidence: "medium" },
  {
    en: "female",
    lo: "ຍິງ",
    sources: [
      "dhis2/user-profile-app: i18n/lo.po",
      "https://laosncatip.gov.la/%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1%E0%BA%9B%E0%BA%B6%E0%BA%81%E0%BA%AA%E0%BA%B2%E0%BA%AB%E0%BA%B2%E0%BA%A5%E0%BA%B7-%E0%BA%81%E0%BB%88%E0%BA%BD%E0%BA%A7%E0%BA%81/ (ຍິງ 11 ທ່ານ)",
      "https://laowomenunion.org.la/%E0%BB%80%E0%BA%9B%E0%BA%B5%E0%BA%94%E0%BA%8A%E0%BA%B8%E0%BA%94%E0%BA%9D%E0%BA%B6%E0%BA%81%E0%BA%AD%E0%BA%BB%E0%BA%9A%E0%BA%AE%E0%BA%BB%E0%BA%A1%E0%BA%88%E0%BA%B4%E0%BA%94%E0%BA%95%E0%BA%B0%E0%BA%AA/",
    ],
    confidence: "high",
  },
  {
    en: "age",
    lo: "ອາຍຸ",
    sources: [
      "dhis2/capture-app: i18n/lo.po (Please provide a valid age)",
      "https://laoatlas.net/links/Section%20F/Ethnicity%20and%20religionl.html",
    ],
    confidence: "high",
  },
  { en: "age group", lo: "", sources: [], confidence: null },
  {
    en: "under 18",
    lo: "ອາຍຸຕ່ຳກວ່າ 18 ປີ",
    sources: [
      "https://lo.wikipedia.org/wiki/%E0%BA%AA%E0%BA%B4%E0%BA%94%E0%BA%97%E0%BA%B4%E0%BB%80%E0%BA%94%E0%BA%B1%E0%BA%81",
      "https://th0lakhong.com/45448",
    ],
    confidence: "high",
  },
  {
    en: "18 and over",
    lo: "18 ປີແລະຫຼາຍກວ່າ",
    sources: ["sdg-laos/data: translations/dsd/lo/AGE.yml (Y_GE18)"],
    confidence: "low",
  },
  {
    en: "search",
    lo: "ຄົ້ນຫາ",
    sources: [
      "dhis2/maps-app: i18n/lo.po",
      "dhis2/event-visualizer-app: i18n/lo.po",
      "dhis2/ui: components/sharing-dialog/i18n/lo.po",
    ],
    confidence: "high",
  },
  {
    en: "settings",
    lo: "ຕັ້ງຄ່າ",
    sources: ["dhis2/ui: components/header-bar/i18n/lo.po", "dhis2/reports-app: i18n/lo.po"],
    confidence: "high",
  },
  {
    en: "loading",
    lo: "ກຳລັງໂຫຼດ",
    sources: [
      "dhis2/maps-app: i18n/lo.po (Loading data)",
      "dhis2/event-visualizer-app: i18n/lo.po",
      "dhis2/dashboard-app: i18n/lo.po (Loading dashboard)",
    ],
    confidence: "high",
  },
  {
    en: "population",
    lo: "ປະຊາກອນ",
    sources: ["dhis2/maps-app: i18n/lo.po", "dhis2/import-export-app: i18n/lo.po"],
    confidence: "high",
  },
  {
    en: "country",
    lo: "ປະເທດ",
    sources: ["OpenDevelopmentMekong/wp-odm_theme: i18n/lo.po"],
    confidence: "high",
  },
  {
    en: "Vientiane Capital (province code 01)",
    lo: "ນະຄອນຫຼວງວຽງຈັນ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Phongsaly (province code 02)",
    lo: "ຜົ້ງສາລີ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Luang Namtha (province code 03)",
    lo: "ຫຼວງນ້ຳທາ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Oudomxay (province code 04)",
    lo: "ອຸດົມໄຊ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Bokeo (province code 05)",
    lo: "ບໍ່ແກ້ວ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Luang Prabang (province code 06)",
    lo: "ຫຼວງພະບາງ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Houaphanh (province code 07)",
    lo: "ຫົວພັນ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Xayaboury (province code 08)",
    lo: "ໄຊຍະບູລີ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Xiengkhouang (province code 09)",
    lo: "ຊຽງຂວາງ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Vientiane (province) (province code 10)",
    lo: "ວຽງຈັນ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Borikhamxay (province code 11)",
    lo: "ບໍລິຄຳໄຊ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Khammouane (province code 12)",
    lo: "ຄຳມ່ວນ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Savannakhet (province code 13)",
    lo: "ສະຫວັນນະເຂດ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Salavan (province code 14)",
    lo: "ສາລະວັນ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Sekong (province code 15)",
    lo: "ເຊກອງ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Champasack (province code 16)",
    lo: "ຈຳປາສັກ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Attapeu (province code 17)",
    lo: "ອັດຕະປື",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
  {
    en: "Xaysomboun (province code 18)",
    lo: "ໄຊສົມບູນ",
    sources: [
      "tovannapha/self_admin: src/app/static_param/lao_address.ts (Lao names, LSB codes) + sdg-laos/data: translations/dsd/en/REF_AREA.yml (English names, same codes)",
    ],
    confidence: "high",
  },
]
