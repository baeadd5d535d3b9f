/**
 * Laws, codes and guidelines that case decisions in Lao PDR rest on, and the articles a case can
 * cite. Project-owned reference data; this file is the source of truth.
 *
 * Transcribed from the team's legal facts sheet (`lao-legal-instruments.md`, sections 0-9) and the
 * AFESIP seed talk. No official full text of any law was read by the compiler: summaries are in our
 * own words, and every date and article carries the facts sheet's confidence:
 * HIGH (read in a retrieved source), MED (one reliable secondary source), LOW (seed talk or
 * recollection only: verify before production use), GAP (not found; the slot exists so a case can
 * still be linked). `sources` use the facts sheet's keys (`S1`...`S53`, `seed`), resolved in
 * `legalSourceRefs` below.
 *
 * Dates are ISO dates or partial dates (`YYYY`, `YYYY-MM`); a partial date stands for the whole
 * period, and `earliest`/`latest` override it where the source gives a period. `repealed` is the
 * first day the instrument no longer applies.
 */

export type Confidence = "HIGH" | "MED" | "LOW" | "GAP"

export interface DateFact {
  /** ISO date or partial date (YYYY, YYYY-MM); null when not found (GAP). */
  readonly date: string | null
  readonly earliest?: string
  readonly latest?: string
  readonly confidence: Confidence
  readonly sources: ReadonlyArray<string>
  readonly note?: string
}

export interface InstrumentRow {
  readonly id: string
  readonly kind: "law" | "code" | "guideline" | "policy" | "agreement" | "treaty"
  readonly titleEn: string
  readonly shortTitleEn: string
  readonly titleLo: string
  readonly loSource: string | null
  readonly number: string | null
  readonly numberConfidence: Confidence
  readonly adopted: DateFact
  /** For a draft that was never adopted: when it was written (the earliest day it can be cited). */
  readonly drafted?: DateFact
  readonly promulgated: DateFact
  readonly inForce: DateFact
  readonly repealed: DateFact | null
  readonly replaces: string | null
  readonly replacedBy: string | null
  readonly confidence: string
  readonly needsCheck: ReadonlyArray<string>
  readonly sources: ReadonlyArray<string>
  readonly note: string
}

export interface ArticleRow {
  readonly id: string
  readonly instrument: string
  /** Article (or guideline section) number; null when the provision exists but its number is a GAP. */
  readonly article: string | null
  readonly titleEn: string
  readonly titleLo: string
  readonly loSource: string | null
  /** What the provision obliges, allows or defines, in our own words. */
  readonly provides: string
  readonly confidence: Confidence
  readonly confidenceNote: string
  readonly needsCheck: boolean
  readonly sources: ReadonlyArray<string>
}

const gap = (note: string): DateFact => ({ date: null, confidence: "GAP", sources: [], note })

export const instrumentRows = [
  {
    id: "women_2004",
    kind: "law",
    titleEn: "Law on Development and Protection of Women",
    shortTitleEn: "Women Law 2004",
    titleLo: "ກົດໝາຍວ່າດ້ວຍການພັດທະນາ ແລະ ປົກປ້ອງແມ່ຍິງ",
    loSource: "S2",
    number: "08/NA",
    numberConfidence: "MED",
    adopted: {
      date: "2004-10-22",
      confidence: "HIGH",
      sources: ["S1", "S2"],
      note: "National Assembly Resolution No. 08/NA",
    },
    promulgated: {
      date: "2004-11-15",
      confidence: "HIGH",
      sources: ["S1"],
      note: "Presidential Decree No. 70/PO",
    },
    inForce: {
      date: "2004-11-15",
      confidence: "MED",
      sources: ["S1"],
      note: "The decree took effect when signed; the law's own entry-into-force clause was not seen.",
    },
    repealed: null,
    replaces: null,
    replacedBy: null,
    confidence: "Number and dates: HIGH. Law number = resolution number: MED.",
    needsCheck: [
      "No amendment found: treated as in force, not verified",
      "Own entry-into-force clause",
      "Titles and content of Arts. 26, 27 and 28",
    ],
    sources: ["S1", "S2", "S3", "S4"],
    note: "Trafficking articles sit in Part IV (protection of women and children against trafficking and domestic violence), Chapter 1 (S3, MED). Art. 25 is the safest verified anchor for non-punishment and compensation before 2016.",
  },
  {
    id: "children_2006",
    kind: "law",
    titleEn: "Law on the Protection of the Rights and Interests of Children",
    shortTitleEn: "Children Law 2006",
    titleLo: "ກົດໝາຍວ່າດ້ວຍການປົກປ້ອງສິດ ແລະ ຜົນປະໂຫຍດຂອງເດັກ",
    loSource: "S9",
    number: "05/NA",
    numberConfidence: "HIGH",
    adopted: { date: "2006-12-27", confidence: "HIGH", sources: ["S8", "S9"] },
    promulgated: gap("Promulgation decree number and date not found."),
    inForce: {
      date: "2007",
      confidence: "HIGH",
      sources: ["S10"],
      note: "In force in 2007; exact day not found.",
    },
    repealed: {
      date: "2023-12-04",
      confidence: "HIGH",
      sources: ["S12", "S13"],
      note: "Replaced by the amended law in force from 4 Dec 2023; 2006 numbering applies up to 3 Dec 2023.",
    },
    replaces: null,
    replacedBy: "children_2023",
    confidence: "HIGH, except the promulgation decree (GAP).",
    needsCheck: [
      "Promulgation decree",
      "Article-by-article mapping of Arts. 35-43",
      "Content and penalties of Arts. 86-89",
    ],
    sources: ["S8", "S9", "S10", "S11", "S12", "S13"],
    note: "8 parts, 93 articles. The seed calls it the 2007 law (year in force). Article numbers below are valid only for decisions under this law.",
  },
  {
    id: "children_2023",
    kind: "law",
    titleEn: "Law on the Protection of the Rights and Interests of Children (amended)",
    shortTitleEn: "Children Law 2023",
    titleLo: "ກົດໝາຍວ່າດ້ວຍການປົກປ້ອງສິດ ແລະ ຜົນປະໂຫຍດຂອງເດັກ",
    loSource: "S13",
    number: null,
    numberConfidence: "GAP",
    adopted: {
      date: "2023-07-17",
      confidence: "HIGH",
      sources: ["S12"],
      note: "Passed by the National Assembly.",
    },
    promulgated: { date: "2023-08-30", confidence: "HIGH", sources: ["S13"] },
    inForce: { date: "2023-12-04", confidence: "HIGH", sources: ["S13"] },
    repealed: null,
    replaces: "children_2006",
    replacedBy: null,
    confidence: "Dates: HIGH. Number and article numbering: GAP.",
    needsCheck: ["Law number", "Article numbering (the draft had 13 parts and 82 articles)"],
    sources: ["S11", "S12", "S13"],
    note: "Article numbers changed from the 2006 law; cite the law as a whole until its numbering is researched.",
  },
  {
    id: "penal_2005",
    kind: "law",
    titleEn: "Penal Law (amended 2005)",
    shortTitleEn: "Penal Law 2005",
    titleLo: "ກົດໝາຍອາຍາ",
    loSource: "S14",
    number: "12/NA",
    numberConfidence: "HIGH",
    adopted: { date: "2005-11-09", confidence: "HIGH", sources: ["S14"] },
    promulgated: gap("Promulgation decree not found."),
    inForce: gap(
      "In-force date not found (TIP reports call it the '2006 revision', S16): not a boundary. Citable from its adoption (9 Nov 2005), with status 'uncertain' until the 2017 Code replaced it.",
    ),
    repealed: {
      date: "2018-11",
      confidence: "MED",
      sources: ["S21"],
      note: "Superseded when the 2017 Penal Code took effect (promulgated Nov 2018; exact day GAP).",
    },
    replaces: null,
    replacedBy: "penal_2017",
    confidence:
      "Number and adoption date: HIGH. In-force date: GAP. ILO once cites it as No. 56/NA, probably an error.",
    needsCheck: ["Promulgation decree and in-force date", "Titles and penalties of Arts. 132 and 133"],
    sources: ["S3", "S4", "S14", "S16"],
    note: "Applies to offences before the 2017 Penal Code took effect. Art. 134 was the trafficking offence.",
  },
  {
    id: "atip_2015",
    kind: "law",
    titleEn: "Law on Anti-Trafficking in Persons",
    shortTitleEn: "Anti-Trafficking Law 2015",
    titleLo: "ກົດໝາຍວ່າດ້ວຍການຕ້ານການຄ້າມະນຸດ",
    loSource: "S18",
    number: "73/NA",
    numberConfidence: "LOW",
    adopted: {
      date: "2015",
      confidence: "MED",
      sources: ["S5", "S6"],
      note: "Year 2015 confirmed by ILO. The day 17 Dec 2015 and No. 73/NA come from the facts sheet compiler's recollection (LOW), not from the seed talk, which names neither.",
    },
    promulgated: gap("Promulgation decree and date not found; TIP reports call it the 2016 law."),
    inForce: {
      date: "2016",
      confidence: "MED",
      sources: ["S19", "S20", "S22", "S23"],
      note: "TIP reports always call it the '2016 anti-trafficking law'; exact date not found.",
    },
    repealed: null,
    replaces: null,
    replacedBy: null,
    confidence:
      "Structure (9 parts, 91 articles): HIGH. Adopted 2015 / effective 2016: MED-HIGH. No. 73/NA and 17 Dec 2015: LOW.",
    needsCheck: [
      "Law number 73/NA and adoption day",
      "Promulgation decree and entry-into-force date",
      "Titles of Parts I-IX",
      "Every article number for identification, protection and assistance, repatriation, reintegration, victim rights, child victims, cooperation and penalties",
    ],
    sources: ["S5", "S6", "S18", "S19", "S20", "S22", "S23"],
    note: "Contains detailed provisions on prevention, protection and assistance to victims, penal sanctions and administration (S5, HIGH). Child trafficking: 15-20 years (S6).",
  },
  {
    id: "penal_2017",
    kind: "code",
    titleEn: "Penal Code",
    shortTitleEn: "Penal Code 2017",
    titleLo: "ປະມວນກົດໝາຍອາຍາ",
    loSource: "S25",
    number: "26/NA",
    numberConfidence: "HIGH",
    adopted: { date: "2017-05-17", confidence: "HIGH", sources: ["S24", "S25"] },
    promulgated: {
      date: "2018-11",
      confidence: "HIGH",
      sources: ["S21"],
      note: "TIP 2019: promulgated Nov 2018.",
    },
    inForce: {
      date: "2018-11",
      confidence: "MED",
      sources: ["S21"],
      note: "Exact in-force day is a GAP; taken as the promulgation month. A secondary AI-generated source claiming 27 May 2018 was rejected by the facts sheet.",
    },
    repealed: null,
    replaces: "penal_2005",
    replacedBy: null,
    confidence: "Number and adoption date: HIGH. Nov 2018 promulgation: HIGH. Exact in-force day: GAP.",
    needsCheck: [
      "Exact in-force date",
      "Text of the later amendment to Art. 215",
      "Numbers of child sexual exploitation and procuring articles",
    ],
    sources: ["S7", "S21", "S24", "S25", "S26"],
    note: "Current criminal code.",
  },
  {
    id: "guideline_2010",
    kind: "guideline",
    titleEn: "(Draft) National Guideline on Victim Protection (Lao Women's Union)",
    shortTitleEn: "Draft National Guideline 2010",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: gap("A draft: never found adopted (the seed says it was to be finalised in 2010)."),
    drafted: {
      date: "2010",
      confidence: "LOW",
      sources: ["seed", "S32"],
      note: "Draft to be finalised in 2010 (seed); a 2010 UNIAP datasheet confirms guidelines were under development.",
    },
    promulgated: gap("A draft: no adoption or promulgation found."),
    inForce: gap("A draft, used in practice; never found formally in force."),
    repealed: {
      date: "2020",
      earliest: "2020-04-01",
      latest: "2021-03-31",
      confidence: "MED",
      sources: ["S22", "S23"],
      note: "Superseded in practice by the approved National Victim Protection and Referral Guidelines.",
    },
    replaces: null,
    replacedBy: "guideline_2020",
    confidence: "Existence: MED. Section list: LOW (seed only).",
    needsCheck: ["Final section list", "Whether it was ever adopted"],
    sources: ["seed", "S31", "S32"],
    note: "Guides government agencies assisting trafficked or presumed trafficked persons regardless of sex, race, ethnicity, religion or nationality (seed). The case stages of this project follow its sections.",
  },
  {
    id: "guideline_2020",
    kind: "guideline",
    titleEn: "National Victim Protection and Referral Guidelines",
    shortTitleEn: "National Victim Protection Guidelines",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: {
      date: "2020",
      earliest: "2020-04-01",
      latest: "2021-03-31",
      confidence: "HIGH",
      sources: ["S22", "S23"],
      note: "Not yet approved per TIP 2020; approved during the TIP 2021 reporting period (Apr 2020-Mar 2021).",
    },
    promulgated: gap("Approval instrument not found."),
    inForce: {
      date: "2020",
      earliest: "2020-04-01",
      latest: "2021-03-31",
      confidence: "MED",
      sources: ["S23"],
      note: "Taken as in force from approval; TIP 2021 reports them used inconsistently.",
    },
    repealed: null,
    replaces: "guideline_2010",
    replacedBy: null,
    confidence: "Approval: HIGH. Exact date and section list: GAP.",
    needsCheck: ["Approval date and instrument", "Section list"],
    sources: ["S21", "S22", "S23"],
    note: "Named 'National Victim Protection Guidelines' in TIP 2019.",
  },
  {
    id: "mou_lao_thai_2005",
    kind: "agreement",
    titleEn:
      "MOU between Lao PDR and Thailand on Cooperation to Combat Trafficking in Persons, Especially Women and Children",
    shortTitleEn: "Lao-Thai MOU 2005",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: {
      date: "2005-07-13",
      confidence: "HIGH",
      sources: ["S33"],
      note: "Signed at Government House, Thailand.",
    },
    promulgated: gap("An MOU is signed, not promulgated."),
    inForce: {
      date: "2005-07-13",
      confidence: "MED",
      sources: ["S33"],
      note: "Taken as effective from signature.",
    },
    repealed: null,
    replaces: null,
    replacedBy: null,
    confidence: "Signature: HIGH. Reviewed 2016; joint action plan 2023-2025 (HIGH).",
    needsCheck: ["Whether a second MOU was signed after 2016"],
    sources: ["seed", "S33", "S34", "S35", "S36"],
    note: "The seed calls for close monitoring of its implementation. Basis of Lao-Thai repatriation and post-repatriation support.",
  },
  {
    id: "npa_csec_2009",
    kind: "policy",
    titleEn: "National Plan of Action against Commercial Sexual Exploitation of Children",
    shortTitleEn: "NPA against CSEC 2009",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: {
      date: "2009",
      confidence: "LOW",
      sources: ["seed"],
      note: "Named with its year in the seed talk only.",
    },
    promulgated: gap("Not found."),
    inForce: gap("Not found; citable from 2009 (its year in the seed)."),
    repealed: null,
    replaces: null,
    replacedBy: null,
    confidence: "Existence and year: LOW (seed only).",
    needsCheck: ["Adoption instrument, period and whether it is still current"],
    sources: ["seed"],
    note: "Protection chapter: procedures for CSEC cases and the protection of child victims in the country and Lao victims abroad (seed).",
  },
  {
    id: "npa_tip_2016",
    kind: "policy",
    titleEn: "National Plan of Action on Anti-Trafficking in Persons, Phase II (2016-2020)",
    shortTitleEn: "NPA TIP 2016-2020",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: gap("Adoption instrument not found."),
    promulgated: gap("Not found."),
    inForce: {
      date: "2016",
      confidence: "HIGH",
      sources: ["S19", "S22", "S23"],
      note: "TIP reports call it the 2016-2020 plan; Lao media say 2017-2020 (S29).",
    },
    repealed: {
      date: "2021",
      confidence: "HIGH",
      sources: ["S30"],
      note: "Followed by Phase III (2021-2025).",
    },
    replaces: null,
    replacedBy: "npa_tip_2021",
    confidence: "Period 2016-2020 per TIP: HIGH.",
    needsCheck: ["Chapter list (the seed's 'Chapter IV Protection' was of the draft plan of 2010)"],
    sources: ["seed", "S19", "S22", "S23", "S29"],
    note: "The seed (2010) presented a draft NPA TIP whose Chapter IV covered protection: repatriation, rehabilitation, reintegration and post-reintegration follow-up; whether it was adopted as Phase I (2013-2015) is LOW.",
  },
  {
    id: "npa_tip_2021",
    kind: "policy",
    titleEn: "National Plan of Action on Anti-Trafficking in Persons, Phase III (2021-2025)",
    shortTitleEn: "NPA TIP 2021-2025",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: gap("Adoption instrument not found."),
    promulgated: gap("Not found."),
    inForce: { date: "2021", confidence: "HIGH", sources: ["S30", "S23"] },
    repealed: null,
    replaces: "npa_tip_2016",
    replacedBy: null,
    confidence: "Period: HIGH.",
    needsCheck: ["Successor plan after 2025"],
    sources: ["S23", "S29", "S30"],
    note: "Awareness, strict prosecution, cooperation and victim assistance; a northern victim reception centre in Luang Namtha.",
  },
  {
    id: "crc_1989",
    kind: "treaty",
    titleEn: "UN Convention on the Rights of the Child",
    shortTitleEn: "CRC",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: {
      date: "1989-11-20",
      confidence: "LOW",
      sources: ["recollection"],
      note: "UN General Assembly adoption.",
    },
    promulgated: gap("A treaty: not promulgated."),
    inForce: {
      date: "1991",
      confidence: "LOW",
      sources: ["recollection"],
      note: "Lao PDR's accession (1991) is not in the facts sheet; the seed names the CRC among the international instruments the guideline rests on.",
    },
    repealed: null,
    replaces: null,
    replacedBy: null,
    confidence: "Named in the seed: HIGH. Lao accession date: LOW (recollection).",
    needsCheck: ["Date of Lao PDR's accession"],
    sources: ["seed", "recollection"],
    note: "International basis of the best interests of the child (the guideline's general principles).",
  },
  {
    id: "palermo_2000",
    kind: "treaty",
    titleEn:
      "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children (Palermo Protocol)",
    shortTitleEn: "Palermo Protocol",
    titleLo: "",
    loSource: null,
    number: null,
    numberConfidence: "GAP",
    adopted: {
      date: "2000-11-15",
      confidence: "LOW",
      sources: ["recollection"],
      note: "UN General Assembly adoption.",
    },
    promulgated: gap("A treaty: not promulgated."),
    inForce: {
      date: "2003",
      earliest: "2003-09-01",
      latest: "2003-12-31",
      confidence: "MED",
      sources: ["S48", "S47"],
      note: "Lao PDR acceded in Sept 2003 with UNTOC (HIGH); the day it took effect for Lao PDR is not in our sources.",
    },
    repealed: null,
    replaces: null,
    replacedBy: null,
    confidence: "Accession Sept 2003: HIGH.",
    needsCheck: ["Day it took effect for Lao PDR"],
    sources: ["S47", "S48"],
    note: "International definition of trafficking and basis for assistance, protection and repatriation of victims.",
  },
] as const satisfies ReadonlyArray<InstrumentRow>

const art = <const I extends string, const N extends string | null>(
  instrument: I,
  article: N,
  titleEn: string,
  provides: string,
  confidence: Confidence,
  confidenceNote: string,
  sources: ReadonlyArray<string>,
) => ({
  instrument,
  article,
  titleEn,
  titleLo: "",
  loSource: null,
  provides,
  confidence,
  confidenceNote,
  needsCheck: confidence !== "HIGH",
  sources,
})

const children38to43 =
  "Chapter 2 (Arts. 38-43), children in need of special protection: reinforcement of families, a reporting network, urgent measures, procedures for protection and assistance, alternative care (kinship, foster care, adoption, institutions). Which article carries which topic is not verified."

export const articleRows = [
  {
    id: "women_2004_art24",
    ...art(
      "women_2004",
      "24",
      "Trafficking in women and children (definition)",
      "Defines trafficking: recruiting, moving, transferring, harbouring or receiving a person in Laos or across borders by deception, bribes, threats, force, abduction or debt bondage, for forced labour, prostitution, pornography, organ removal or other unlawful ends. For a child under 18 no such means need be shown.",
      "HIGH",
      "Content: HIGH. Exact title: MED.",
      ["S3", "S4"],
    ),
  },
  {
    id: "women_2004_art25",
    ...art(
      "women_2004",
      "25",
      "Rights of victims",
      "Trafficked women and children may claim compensation, have rehabilitation and reintegration and protection, and are not to be prosecuted for having been trafficked, for prostitution or for illegal immigration.",
      "HIGH",
      "Content: HIGH. Title: MED.",
      ["S4", "seed"],
    ),
  },
  {
    id: "women_2004_art26",
    ...art(
      "women_2004",
      "26",
      "Duties of the society",
      "Content not retrieved (probably prevention and combating duties). Do not rely on it.",
      "LOW",
      "Title from the seed talk only; content GAP.",
      ["seed"],
    ),
  },
  {
    id: "women_2004_art27",
    ...art(
      "women_2004",
      "27",
      "Prosecution of offenders",
      "Content not retrieved. Do not rely on it.",
      "LOW",
      "Title from the seed talk only; content GAP.",
      ["seed"],
    ),
  },
  {
    id: "women_2004_art28",
    ...art(
      "women_2004",
      "28",
      "Official assistance to victims",
      "During criminal proceedings the police cooperate with and deliver the victim to doctors, social workers and other bodies for urgent assistance, medical treatment, counselling and safe shelter. Child victims receive special treatment focused on physical and mental recovery and return to guardians, family and society. Lao victims abroad are protected and assisted by the Lao embassy or consulate and repatriated afterwards. Foreign victims are repatriated in coordination with their embassy or consulate through the Ministry of Foreign Affairs.",
      "LOW",
      "Content from the seed talk's summary only; exact duties not verified against the law.",
      ["seed"],
    ),
  },
  {
    id: "children_2006_art35",
    ...art(
      "children_2006",
      "35",
      "State responsibility for protecting children",
      "The State protects children's rights and interests, organising and funding the protection system with society and families (Chapter 1, Arts. 35-37: MLSW issues regulations and sets up a national committee on protection and assistance to children).",
      "LOW",
      "Seed only.",
      ["seed"],
    ),
  },
  {
    id: "children_2006_art36",
    ...art(
      "children_2006",
      "36",
      "Responsibilities of the State (Chapter 1, Arts. 35-37)",
      "Part of the chapter on the State's responsibilities in protection and assistance to children; which topic this article carries is not verified.",
      "LOW",
      "Chapter placement from the seed; article content not verified.",
      ["seed"],
    ),
  },
  {
    id: "children_2006_art37",
    ...art(
      "children_2006",
      "37",
      "Responsibilities of the State (Chapter 1, Arts. 35-37)",
      "Part of the chapter on the State's responsibilities in protection and assistance to children; which topic this article carries is not verified.",
      "LOW",
      "Chapter placement from the seed; article content not verified.",
      ["seed"],
    ),
  },
  ...(["38", "39", "40", "41", "42", "43"] as const).map((n) => ({
    id: `children_2006_art${n}` as const,
    ...art(
      "children_2006",
      n,
      "Children in need of special protection (Chapter 2, Arts. 38-43)",
      children38to43,
      "LOW",
      "Topics exist (MED); the article-by-article mapping is LOW.",
      ["seed", "S52"],
    ),
  })),
  {
    id: "children_2006_art86",
    ...art(
      "children_2006",
      "86",
      "Disseminating child pornography (offence)",
      "Penalises disseminating pornographic material involving children (the seed: 'disseminating child pornography art 86'); whether producing or possessing is covered is not verified. Penalty not verified.",
      "LOW",
      "Seed only.",
      ["seed"],
    ),
  },
  {
    id: "children_2006_art87",
    ...art(
      "children_2006",
      "87",
      "Child labour (offence)",
      "Penalises using children in prohibited or hazardous work. Penalty not verified.",
      "LOW",
      "Seed only.",
      ["seed"],
    ),
  },
  {
    id: "children_2006_art88",
    ...art(
      "children_2006",
      "88",
      "Abandonment of a child (offence)",
      "Penalises parents or guardians who abandon a child. Penalty not verified.",
      "LOW",
      "Seed only.",
      ["seed"],
    ),
  },
  {
    id: "children_2006_art89",
    ...art(
      "children_2006",
      "89",
      "Sexual relations with a child for payment (offence)",
      "Penalises sexual relations with a child in exchange for money, gifts or other benefits, including procurement.",
      "LOW",
      "Number from the seed (LOW); the offence exists (MED, S27).",
      ["seed", "S27"],
    ),
  },
  {
    id: "children_2023_law",
    ...art(
      "children_2023",
      null,
      "Children Law 2023 (article numbering not researched)",
      "The amended children's law in force from 4 Dec 2023; cite the law as a whole for child protection decisions until the new article numbers are checked.",
      "GAP",
      "Law and dates: HIGH. Article numbers: GAP.",
      ["S12", "S13"],
    ),
  },
  {
    id: "penal_2005_art132",
    ...art(
      "penal_2005",
      "132",
      "Procuring",
      "Penalises arranging, organising or profiting from another person's prostitution. Penalty not verified.",
      "LOW",
      "Seed only.",
      ["seed"],
    ),
  },
  {
    id: "penal_2005_art133",
    ...art(
      "penal_2005",
      "133",
      "Forcing into prostitution",
      "Penalises compelling another person into prostitution, with heavier treatment where the victim is a child. Penalty not verified.",
      "LOW",
      "Seed only.",
      ["seed"],
    ),
  },
  {
    id: "penal_2005_art134",
    ...art(
      "penal_2005",
      "134",
      "Trafficking in human beings",
      "Trafficking offence with the Women Law's broad definition, applied to all persons including men; for children under 18 no deception, threat, force or debt bondage need be shown. 5 years to life imprisonment, a fine of 10-100 million kip and confiscation of assets.",
      "HIGH",
      "Definition: HIGH. Penalty: MED.",
      ["S3", "S4", "S16", "seed"],
    ),
  },
  {
    id: "atip_2015_art2",
    ...art(
      "atip_2015",
      "2",
      "Trafficking in persons (definition)",
      "Defines trafficking very broadly: acts (seeking out, abducting, moving, transporting, delivering, receiving, sheltering, concealing), means (luring, deceiving, buying, bribing, abusing power, coercing, threatening, debt bondage, disguised adoption, engagement or marriage, making a woman pregnant) and purposes (labour or sexual exploitation, slavery, prostitution, begging, pornography, organ sale).",
      "HIGH",
      "Read in the Lao text reported by the Lao Women's Union.",
      ["S18"],
    ),
  },
  {
    id: "atip_2015_art3",
    ...art(
      "atip_2015",
      "3",
      "Definitions (probable)",
      "Glossary of the terms used in the law.",
      "MED",
      "Exists and is a key article (MED); title LOW.",
      ["S18"],
    ),
  },
  ...(["9", "10", "11", "12"] as const).map((n) => ({
    id: `atip_2015_art${n}` as const,
    ...art(
      "atip_2015",
      n,
      "Core provision highlighted by the Lao Women's Union",
      "Singled out as a key article (probably forms or elements of trafficking); content not retrieved.",
      "LOW",
      "Listed as key by S18; content GAP.",
      ["S18"],
    ),
  })),
  {
    id: "atip_2015_victim_protection",
    ...art(
      "atip_2015",
      null,
      "Protection and assistance to victims (article numbers not verified)",
      "The law's provisions on identification, protection and assistance (shelter, medical care, counselling, legal aid), repatriation, reintegration, victim rights and child victims. In practice these services come from LWU centres and MoLSW shelters and the transit centre.",
      "GAP",
      "The provisions exist (HIGH, S5); every article number is a GAP.",
      ["S5", "S32", "S53"],
    ),
  },
  {
    id: "penal_2017_art215",
    ...art(
      "penal_2017",
      "215",
      "Trafficking in persons",
      "Criminalises sex and labour trafficking (recruitment, moving, transfer, harbouring). Adult victim: 5-15 years and 10-100 million kip; child victim: fine 100-500 million kip, and 15-20 years as amended.",
      "HIGH",
      "Article and penalties: HIGH (TIP 2019, ILO 2023). Text of the amendment not seen.",
      ["S7", "S21", "S26"],
    ),
  },
  {
    id: "penal_2017_art253",
    ...art(
      "penal_2017",
      "253",
      "Forcing into prostitution",
      "Compelling another person into prostitution: 5-10 years; victim under 18: 10-20 years.",
      "HIGH",
      "S26.",
      ["S26"],
    ),
  },
  ...(
    [
      ["5", "Identification of trafficking victims"],
      ["6", "Interim care and protection"],
      ["7", "Assessment and best-interest determination of (re)integration"],
      ["8", "Return and reception"],
      ["9", "Reintegration"],
      ["10", "Reception and reintegration (for children)"],
    ] as const
  ).map(([n, title]) => ({
    id: `guideline_2010_sec${n}` as const,
    ...art(
      "guideline_2010",
      n,
      title,
      `Section ${n} of the draft guideline: operational steps for "${title.toLowerCase()}". Rights-based, victim-centred; best interests of the child a primary consideration.`,
      "LOW",
      "Section list from the seed talk only.",
      ["seed"],
    ),
  })),
  {
    id: "guideline_2020_referral",
    ...art(
      "guideline_2020",
      null,
      "National Victim Protection and Referral Guidelines (whole document)",
      "Operational victim identification, protection and referral procedures approved around 2020; section list not retrieved.",
      "GAP",
      "Approval HIGH; sections GAP.",
      ["S22", "S23"],
    ),
  },
  ...(
    [
      [
        "rights_based",
        "Rights-based and victim-centred approach",
        "The rights of trafficked persons are at the centre of all efforts; actions concerning victims follow a rights-based, victim-centred approach (CRC, CEDAW).",
      ],
      [
        "best_interests",
        "Best interests of the child",
        "In all actions concerning child victims, the best interests of the child is a primary consideration.",
      ],
      [
        "confidentiality",
        "Right to confidentiality",
        "Child victims have a right to confidentiality (the guideline's principles for the protection of children).",
      ],
      [
        "non_discrimination",
        "Right to non-discrimination",
        "Assistance regardless of sex, race, ethnicity, religion or nationality; children's right to non-discrimination.",
      ],
      [
        "asylum",
        "Right to request asylum",
        "A child victim may request asylum (the guideline's principles for the protection of children).",
      ],
    ] as const
  ).map(([key, title, provides]) => ({
    id: `guideline_2010_principle_${key}` as const,
    ...art(
      "guideline_2010",
      null,
      `General principles: ${title.toLowerCase()}`,
      provides,
      "LOW",
      "General principles as listed in the seed talk only.",
      ["seed"],
    ),
  })),
  {
    id: "mou_lao_thai_2005_repatriation",
    ...art(
      "mou_lao_thai_2005",
      null,
      "Repatriation and post-repatriation support",
      "Bilateral cooperation on victim protection, repatriation and post-repatriation support, legal assistance and compensation between Lao PDR and Thailand; article numbers not retrieved.",
      "HIGH",
      "Content: HIGH (S33, S36); article numbers GAP.",
      ["S33", "S36"],
    ),
  },
  {
    id: "npa_csec_2009_protection",
    ...art(
      "npa_csec_2009",
      null,
      "Protection of child victims of commercial sexual exploitation",
      "Improve the procedures for processing CSEC cases and the roles of agencies protecting child victims in the country and Lao victims abroad, with neighbouring countries.",
      "LOW",
      "Seed only.",
      ["seed"],
    ),
  },
  {
    id: "npa_tip_2016_protection",
    ...art(
      "npa_tip_2016",
      null,
      "Protection: repatriation, rehabilitation, reintegration and follow-up",
      "Assistance from identification to safe reintegration: temporary shelter, counselling, rehabilitation, reintegration and post-reintegration follow-up (the seed's Chapter IV of the draft plan).",
      "LOW",
      "Chapter content from the seed's draft plan; that Phase II kept it is not verified.",
      ["seed", "S19"],
    ),
  },
  {
    id: "npa_tip_2021_victim_assistance",
    ...art(
      "npa_tip_2021",
      null,
      "Victim assistance",
      "Phase III focuses on awareness, strict prosecution, cooperation and victim assistance, including a northern victim reception centre.",
      "MED",
      "Focus areas: HIGH (S30); no chapter or article seen.",
      ["S30"],
    ),
  },
  {
    id: "crc_1989_art3",
    ...art(
      "crc_1989",
      "3",
      "Best interests of the child",
      "In all actions concerning children, the best interests of the child shall be a primary consideration.",
      "LOW",
      "The principle is quoted in the seed; the article number is recollection.",
      ["seed", "recollection"],
    ),
  },
  {
    id: "palermo_2000_art6",
    ...art(
      "palermo_2000",
      "6",
      "Assistance to and protection of victims",
      "States protect victims' privacy and provide for their physical, psychological and social recovery (housing, counselling, medical care, employment and education).",
      "LOW",
      "Article number and content from recollection of the Protocol.",
      ["recollection"],
    ),
  },
  {
    id: "palermo_2000_art8",
    ...art(
      "palermo_2000",
      "8",
      "Repatriation of victims",
      "The State of nationality facilitates and accepts the return of its victims with due regard for their safety, preferably voluntarily.",
      "LOW",
      "Article number and content from recollection of the Protocol.",
      ["recollection"],
    ),
  },
] as const

export const legalSourceRefs: Readonly<Record<string, string>> = {
  seed: "AFESIP talk 'Protection of trafficked persons in Lao PDR' (project seed material)",
  S1: "pdfslide.net: Women Law, NA Law Committee-endorsed translation (Decree 70/PO; Resolution 08/NA)",
  S2: "wikisource.org: ກົດໝາຍວ່າດ້ວຍການພັດທະນາແລະປົກປ້ອງແມ່ຍິງ_22-10-2004 (Lao text)",
  S3: "US Embassy Vientiane cable 07VIENTIANE857, 'TIP Interim Assessment', Nov 2007 (scoop.co.nz)",
  S4: "ILO NORMLEX, C182 Direct Request 2009, Lao PDR",
  S5: "ILO NORMLEX, C29 Direct Request 2017, Lao PDR",
  S6: "ILO NORMLEX, C182 Observation 2019, Lao PDR",
  S7: "ILO NORMLEX, C182 Observation 2023, Lao PDR",
  S8: "informea.org: Law on Child Protection 2006 (No. 05/2006/NA)",
  S9: "wikisource.org: ກົດໝາຍວ່າດ້ວຍການປົກປ້ອງສິດແລະຜົນປະໂຫຍດຂອງເດັກ_27-12-2006 (Lao text)",
  S10: "archive.crin.org: Laos national laws",
  S11: "laotiantimes.com 2023-07-17: NA to revise the law on children's rights and interests",
  S12: "unicef.org/laos: National Assembly amends key law to strengthen child protection",
  S13: "unicef.org/laos/lo press release 5 Dec 2023 (promulgated 30 Aug 2023, in force 4 Dec 2023)",
  S14: "wikisource.org: law amending Penal Law Art. 146 (cites Penal Law No. 12/NA, 9 Nov 2005)",
  S16: "Mirror of the US TIP Report 2015, Laos narrative",
  S18: "laowomenunion.org.la: Lao Women's Union newspaper on the Anti-TIP Law",
  S19: "US TIP Report 2017, Laos (refworld.org)",
  S20: "US TIP Report 2018, Laos (state.gov)",
  S21: "US TIP Report 2019, Laos (state.gov; ecoi.net)",
  S22: "US TIP Report 2020, Laos (state.gov; ecoi.net)",
  S23: "US TIP Report 2021, Laos (state.gov; ecoi.net)",
  S24: "bud-prairie.com: English text of Penal Code No. 26/NA, 17 May 2017",
  S25: "idsala.com/7910: ປະມວນກົດໝາຍອາຍາ ເລກທີ 26/ສພຊ, 17 May 2017 (Lao)",
  S26: "Cornell Women and Justice: Laos (Penal Code 2017 Arts. 215, 253)",
  S27: "globalchildexploitationpolicy.org: legal summary, Laos",
  S31: "Open Development Laos news: new guidelines to strengthen the human trafficking response",
  S32: "UNIAP 2010 datasheet, Lao PDR (yumpu.com)",
  S52: "CRC/C/LAO/3-6 (2017), Child Protection Networks",
  S53: "aseanact.org: LWU centre services (2022)",
  S29: "patedlao.com: NPA on anti-trafficking (Lao media)",
  S30: "laotribune.com: more efforts urged for human trafficking prevention (NPA Phase III 2021-2025)",
  S33: "vietnamplus.vn: Thailand, Laos cooperate in combating human trafficking (MOU 13 Jul 2005)",
  S34: "Thai anti-trafficking database: 2nd Thai-Lao MOU review meeting, 6-10 Jun 2016",
  S35: "lecourrier.vn: Laos and Thailand join efforts against trafficking (joint action plan 2023-2025)",
  S36: "UNODC GLO.ACT: Lao-Thai exchange on legal assistance to victims, Nov 2018",
  S47: "Vientiane Times reprint, Mar 2012: Laos urged to pass a law to combat human trafficking",
  S48: "Human trafficking in Laos (Wikipedia); delta87.org dashboard: Palermo Protocol accession Sept 2003",
  recollection:
    "The facts sheet compiler's or the project's recollection, not confirmed in any retrieved source (LOW: verify)",
}
