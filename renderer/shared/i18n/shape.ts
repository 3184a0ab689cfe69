/** The English resources must have exactly the Indonesian keys: this type makes tsc check it. */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
