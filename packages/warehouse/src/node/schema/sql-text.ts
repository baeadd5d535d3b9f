/**
 * Quoting for the few things that cannot be bound as parameters: identifiers and ENUM members that
 * come from the domain's own code lists (never from user files).
 */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`

export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`
