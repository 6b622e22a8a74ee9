/** Registers every element the package has (resolved by bench/lib/build.ts). */
declare module 'bench:all-elements' {}
