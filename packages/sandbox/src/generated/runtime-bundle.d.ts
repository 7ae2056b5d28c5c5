// Types of runtime-bundle.js, which scripts/generate.ts writes (it is git-ignored).
/** A short hash of the bundle's text. */
export declare const RUNTIME_BUNDLE_HASH: string;
/** The runtime bundle: a script whose completion value is the in-VM entry object. */
export declare const RUNTIME_BUNDLE: string;
/** Freezes the built-ins of the context it is evaluated in (a child process's fresh context). */
export declare const HARDEN_SCRIPT: string;
