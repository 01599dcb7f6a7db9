/** `define` for esbuild, tsup and Vite: identifiers replaced by JSON literals; without the fast paths (browsers). */
export declare const DEFINE: { readonly __CALICO_WINDOWS_COMPAT_VERSION__: string; readonly __FAST_PATHS__: string };
/** The Node builds' and the tests' `define`: the same, with the fast paths. */
export declare const NODE_DEFINE: { readonly __CALICO_WINDOWS_COMPAT_VERSION__: string; readonly __FAST_PATHS__: string };
