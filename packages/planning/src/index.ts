/**
 * @lao-protect/planning: planning tools for protection services in Lao PDR: where to extend Child
 * Protection Networks, how many shelter places are needed, what services cost, and where cases
 * stall in the protection pipeline. Pure functions over aggregates plus named SQL over the warehouse.
 */
export * as AreaEstimates from "./AreaEstimates.ts"
export * as BedNights from "./BedNights.ts"
export * as CpnCoverage from "./CpnCoverage.ts"
export * as Disclosure from "./Disclosure.ts"
export * as FactsInputs from "./FactsInputs.ts"
export * as Gazetteer from "./Gazetteer.ts"
export * as Pipeline from "./Pipeline.ts"
export * as PriorityScore from "./PriorityScore.ts"
export * as Publication from "./Publication.ts"
export * as RowError from "./RowError.ts"
export * as ServiceDemand from "./ServiceDemand.ts"
export * as ShelterDemand from "./ShelterDemand.ts"
export * as Shelters from "./Shelters.ts"
export * as SmallArea from "./SmallArea.ts"
export * as WhatIf from "./WhatIf.ts"
