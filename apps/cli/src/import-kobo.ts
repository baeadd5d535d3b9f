import { partnerImportCommand } from "./partner-import.ts"

export default partnerImportCommand("kobo")
