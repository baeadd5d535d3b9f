/**
 * Custom schema annotations. `pii` marks a field that identifies a person (name, phone, village,
 * date of birth, free-text notes): `publish` and other consumers drop every field carrying it,
 * generically, by walking the schema AST.
 */
export const Pii = "pii" as const

declare module "effect/Schema" {
  namespace Annotations {
    interface Annotations {
      readonly pii?: boolean | undefined
    }
  }
}
