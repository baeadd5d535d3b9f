/** The domain vocabularies the planning inputs check against (one source of truth: @lao-protect/domain). */
import { Partner, type VictimGroup } from "@lao-protect/domain"

export const PartnerCodes = Partner.codes
export type VictimGroupCode = VictimGroup.VictimGroup
