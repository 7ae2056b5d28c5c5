// What the runtime does not run, and how the compiler says so
export { UNSUPPORTED } from "./async-rewrite";

// Compiling a student's program
export type { CompileError, CompileOptions, CompileResult, CompileWarning } from "./compile";
export { compile } from "./compile";

// Evaluating the result
export { COMPILED_SCOPE, wrapAsFunctionBody } from "./wrapper";
