/** The shape every translation must have: the same keys as the Indonesian catalogue, strings at the leaves. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
