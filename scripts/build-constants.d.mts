/** `define` for esbuild, tsup and Vite: identifiers replaced by JSON literals. */
export declare const DEFINE: { readonly __CALICO_WINDOWS_COMPAT_VERSION__: string; readonly __FAST_PATHS__: string };
/** The browser build's `define`: the same, without the fast paths. */
export declare const BROWSER_DEFINE: { readonly __CALICO_WINDOWS_COMPAT_VERSION__: string; readonly __FAST_PATHS__: string };
