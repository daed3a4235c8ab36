/** The same keys as T, every leaf a string: lets one locale be checked against the other. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
