/** `define` for esbuild, tsup and Vite: identifiers replaced by JSON literals. */
export declare const DEFINE: { readonly __CALICO_WINDOWS_COMPAT_VERSION__: string };
