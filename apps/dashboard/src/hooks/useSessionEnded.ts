import { useEffect, useState } from "react"
import { onSessionEnded } from "../data/http.ts"

/** True once the server has answered 401 to a request for protected content. */
export function useSessionEnded(): boolean {
  const [ended, setEnded] = useState(false)
  useEffect(() => onSessionEnded(() => setEnded(true)), [])
  return ended
}
