/**
 * Which rule the views apply on screen. A release states one (`screen` in the manifest); on the
 * planners tier (`exact`) the user may switch the screen to the public rule, and every default image
 * export switches it for the time of its capture. Whatever rule is in force, every view applies it.
 */
import { screenThreshold } from "./suppress.ts"

/** What the user (or an export) asked the screen to show on a release whose screen is exact. */
export type ScreenChoice = "exact" | "public"

export interface ScreenRelease {
  readonly screen: "exact" | "published"
  readonly threshold: number
}

/** The threshold every view applies: the release's screen rule, or the publication's when asked. */
export const viewThreshold = (release: ScreenRelease | null, choice: ScreenChoice): number =>
  release === null ? 10 : choice === "public" ? release.threshold : screenThreshold(release)

/** True when the release lets the screen be switched between exact counts and the public rule. */
export const switchable = (release: ScreenRelease | null): boolean =>
  release !== null && release.screen === "exact" && release.threshold > 1

/**
 * The image exports a view offers. `public`: the default, drawn under the publication's rule (when
 * the screen shows exact counts, the export switches it to the public rule while it captures);
 * `exact`: the screen's exact counts, marked restricted (only while the screen shows them).
 */
export type ImageVariant =
  | { readonly kind: "public"; readonly switchToPublic: boolean }
  | { readonly kind: "exact"; readonly restricted: true }

export const imageVariants = (
  release: ScreenRelease | null,
  choice: ScreenChoice,
): ReadonlyArray<ImageVariant> =>
  switchable(release) && choice === "exact"
    ? [
        { kind: "public", switchToPublic: true },
        { kind: "exact", restricted: true },
      ]
    : [{ kind: "public", switchToPublic: false }]
