/**
 * The sign-in page the server shows instead of the app when the served release needs a token: a
 * plain HTML form (POST /login, no script at all), its own stylesheet at /login.css and a CSP that
 * allows nothing but that stylesheet, the app's self-hosted Lao font and a same-origin form post.
 * Every dynamic string is HTML-escaped. English and Lao (the Lao needs a translator's review).
 */
import { readdirSync } from "node:fs"
import { join } from "node:path"

export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  )

/** A same-origin path to return to after signing in; anything else (//host, http:, \) becomes "/". */
export const safeNext = (next: string | null | undefined): string =>
  typeof next === "string" && /^\/(?![/\\])[^\s\\]*$/.test(next) && next.length < 2000 ? next : "/"

export type LoginMessage = "required" | "wrong" | "rate-limited" | "signed-in" | "signed-out"

const MESSAGES: Readonly<Record<LoginMessage, { en: string; lo: string }>> = {
  required: {
    en: "This release is for planners only. Enter your access token.",
    lo: "ຂໍ້ມູນຊຸດນີ້ສະເພາະຜູ້ວາງແຜນ. ກະລຸນາໃສ່ລະຫັດເຂົ້າເຖິງຂອງທ່ານ.",
  },
  wrong: {
    en: "That token was not accepted. Check it and try again.",
    lo: "ລະຫັດນີ້ບໍ່ຖືກຍອມຮັບ. ກະລຸນາກວດຄືນ ແລະ ລອງໃໝ່.",
  },
  "rate-limited": {
    en: "Too many failed attempts from this computer. Wait {s} seconds and try again.",
    lo: "ພະຍາຍາມຜິດຫຼາຍເທື່ອເກີນໄປ. ກະລຸນາລໍຖ້າ {s} ວິນາທີ ແລ້ວລອງໃໝ່.",
  },
  "signed-in": { en: "You are signed in.", lo: "ທ່ານເຂົ້າສູ່ລະບົບແລ້ວ." },
  "signed-out": { en: "You are signed out.", lo: "ທ່ານອອກຈາກລະບົບແລ້ວ." },
}

export function loginPage(options: {
  readonly message: LoginMessage
  readonly next?: string
  readonly retryAfterS?: number | undefined
  readonly signedIn?: boolean
}): string {
  const m = MESSAGES[options.message]
  const fill = (s: string) => escapeHtml(s.replace("{s}", String(options.retryAfterS ?? 1)))
  const role = options.message === "wrong" || options.message === "rate-limited" ? "alert" : "status"
  const body = options.signedIn
    ? `<p><a href="/">Open the dashboard</a> · <span lang="lo">ເປີດແຜງຄວບຄຸມ</span></p>
      <form method="post" action="/logout"><button type="submit">Sign out · <span lang="lo">ອອກຈາກລະບົບ</span></button></form>`
    : `<form method="post" action="/login" autocomplete="off">
        <input type="hidden" name="next" value="${escapeHtml(safeNext(options.next))}">
        <label for="token">Access token · <span lang="lo">ລະຫັດເຂົ້າເຖິງ</span></label>
        <input id="token" name="token" type="password" required autofocus spellcheck="false" placeholder="lpt_…">
        <button type="submit">Sign in · <span lang="lo">ເຂົ້າສູ່ລະບົບ</span></button>
      </form>
      <p class="hint">A data manager creates tokens with <code>lao-protect access create-token --tier planners</code>.
      The token is not kept in this browser: a session cookie is, for 8 hours.</p>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Sign in · Lao Protect</title>
<link rel="stylesheet" href="/login.css">
</head>
<body>
<main class="login" data-testid="login">
  <h1>Lao Protect <span lang="lo">ເຂົ້າສູ່ລະບົບ</span></h1>
  <p role="${role}" data-message="${options.message}"><span>${fill(m.en)}</span><br><span lang="lo">${fill(m.lo)}</span></p>
  ${body}
</main>
</body>
</html>
`
}

/** The login stylesheet; uses the app's self-hosted Noto Sans Lao when the build has it. */
export function loginCss(dist: string): string {
  let font = ""
  try {
    const file = readdirSync(join(dist, "assets")).find((f) =>
      /^noto-sans-lao-lao-400-normal.*\.woff2$/.test(f),
    )
    if (file)
      font = `@font-face{font-family:"Noto Sans Lao";font-weight:400;src:url("/assets/${file}") format("woff2");unicode-range:U+0E80-0EFF;}\n`
  } catch {
    // no build: system fonts
  }
  return `${font}body{margin:0;font-family:system-ui,"Noto Sans Lao",sans-serif;background:#f4f6f8;color:#1b2733}
.login{max-width:32rem;margin:10vh auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin-top:0}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #8894a0;border-radius:4px}
button{margin-top:1rem;padding:.5rem 1rem;font:inherit;background:#1f5f8b;color:#fff;border:0;border-radius:4px;cursor:pointer}
[role=alert]{color:#8b1f1f;font-weight:600}
.hint{color:#55606b;font-size:.85rem}
`
}
