import { partnerImportCommand } from "./partner-import.ts"

export default partnerImportCommand("htcds")
