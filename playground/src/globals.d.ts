/** The library's version, written in at build time. */
declare const LIBRARY_VERSION: string;
