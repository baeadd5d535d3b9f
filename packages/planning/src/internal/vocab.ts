/** The domain vocabularies the planning inputs check against (one source of truth: @lao-protect/domain). */
import { Partner, VictimGroup } from "@lao-protect/domain"

export const PartnerCodes = Partner.codes
export const VictimGroupCodes = VictimGroup.codes
export type VictimGroupCode = VictimGroup.VictimGroup
