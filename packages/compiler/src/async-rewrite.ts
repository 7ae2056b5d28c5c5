/**
 * Async functions become lazy coroutines: the rewrite at the heart of the compiler.
 *
 * docs/runtime-model.md explains why: a Python coroutine does not start until the scheduler steps
 * it, so every async function is turned into a plain function that hands a generator to `__coro`:
 *
 *   async function f(a) { BODY }  ->  function f() { return __coro("f", __coro_f, this, arguments); } function* __coro_f(a) { BODY }
 *   const f = async function (a) { BODY }  ->  const f = function (a) { return __coro("f", function* f() { BODY }, this, arguments); }
 *   async (x) => EXPR             ->  (x) => __coro("<lambda>", function* () { return EXPR; }, this)
 *   await E                       ->  (yield E)
 *
 * A declaration's generator function is hoisted beside it (made once per scope, not per call;
 * see hoist()); __coro renames it after the coroutine. A per-call generator is named after its
 * function so that stack frames read "at f (main.ts:3)", unless that name would shadow one the
 * body uses (a recursive call).
 *
 * This is the shape regenerator and Babel's async-to-generator used before engines had async
 * functions, minus the promise plumbing: the scheduler drives the generator. The rewrite is done
 * with text edits on the parsed tree (see text-edits.ts), never by printing a new program, so each
 * token stays on its line and a runtime error names the student's line.
 *
 * Outside declarations, parameters stay on the outer function, so default values are evaluated
 * at the call; `this` and `arguments` are handed to the generator (__coro calls it at once). What a generator cannot express is refused
 * with a message that says what to write instead: top-level await, `for await`, async generators,
 * `super` in an async body (a nested `function*` has no home object) and `arguments` in an async
 * arrow (it would name the generator's own arguments). Left out on purpose: `new.target` in an
 * async function (rare in exercises; it reads as undefined) and a `var` that redeclares a parameter
 * inside an async body (it starts undefined in the generator).
 */
import type { AnyNode, Class, Expression, Function as FunctionNode, PrivateIdentifier, Program } from "acorn";
import { UnsupportedSyntax } from "./errors";
import { TextEdits } from "./text-edits";

/** The messages for constructs the runtime does not run; tests and docs quote them. */
export const UNSUPPORTED = {
  topLevelAwait:
    "await is only allowed inside an async function here: put your code in `async function main()` and call `asyncio.run(main())`",
  awaitOutsideAsync: "await is only allowed inside an async function: mark the enclosing function `async`",
  forAwait: "`for await` is not supported here: loop with a plain `for` and `await` inside the loop body",
  asyncGenerator:
    "async generators (`async function*`) are not supported here: return a list, or pass items through an asyncio.Queue",
  superInAsync:
    "`super` is not supported inside an async function here: call the parent's method from a plain (non-async) helper method",
  argumentsInAsyncArrow:
    "`arguments` is not available inside an async arrow function here: use rest parameters, `async (...args) => ...`",
  reservedName:
    "`__coro` and names starting with `__coro_` are reserved for the runtime: choose another name",
  namespace:
    "TypeScript namespaces are not supported here: use a plain object (`const Config = { ... }`) or a class",
} as const;

/** Globals that exist in Node or browsers but do nothing useful on the virtual-time scheduler. */
const FOREIGN_GLOBALS: Readonly<Record<string, string>> = {
  Promise:
    "native Promises do not run on the scheduler: await coroutines, tasks and futures (asyncio.gather, asyncio.create_task)",
  setTimeout: "`setTimeout` does not exist here: use `await asyncio.sleep(seconds)`",
  setInterval: "`setInterval` does not exist here: loop with `await asyncio.sleep(seconds)`",
  setImmediate: "`setImmediate` does not exist here: use `await asyncio.sleep(0)`",
  queueMicrotask: "`queueMicrotask` does not exist here: use `asyncio.create_task(...)`",
};

/** Words that cannot name a generator function in strict code, though they can name a method. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval"
  ).split(" "),
);

/** The prefix of the generator functions hoisted out of async declarations (the runtime's HOISTED_PREFIX). */
const HOISTED_PREFIX = "__coro_";

/** Name given to a coroutine whose function has none (Python's own word for anonymous functions). */
const LAMBDA = "<lambda>";

export interface RewriteWarning {
  message: string;
  /** Offset in the rewritten input. */
  offset: number;
}

export interface RewriteResult {
  code: string;
  warnings: RewriteWarning[];
}

/** Where the walker is: which `await` is legal, and what a generator body would break. */
interface Scope {
  /** Directly in an async function's body: `await` is rewritten here. */
  readonly async: boolean;
  /** At the module's top level (outside every function and class body). */
  readonly topLevel: boolean;
  /** In an async arrow's body, through nested plain arrows: `arguments` would change meaning. */
  readonly noArguments: boolean;
  /** In any async body, through nested arrows: `super` cannot reach into the generator. */
  readonly noSuper: boolean;
}

const TOP_LEVEL: Scope = { async: false, topLevel: true, noArguments: false, noSuper: false };
/** A plain function, a class field initializer or a static block: nothing is forbidden. */
const PLAIN: Scope = { async: false, topLevel: false, noArguments: false, noSuper: false };
const ASYNC_FUNCTION: Scope = { async: true, topLevel: false, noArguments: false, noSuper: true };
const ASYNC_ARROW: Scope = { async: true, topLevel: false, noArguments: true, noSuper: true };

/**
 * Rewrites every async function of `program` (parsed from `code` by acorn with `preserveParens`).
 * @throws UnsupportedSyntax for a construct the runtime cannot run.
 */
export function rewriteAsync(program: Program, code: string): RewriteResult {
  const rewriter = new Rewriter(code);
  rewriter.visit(program, TOP_LEVEL, undefined);
  return { code: rewriter.edits.apply(code), warnings: rewriter.warnings };
}

class Rewriter {
  readonly edits = new TextEdits();
  readonly warnings: RewriteWarning[] = [];
  private readonly warned = new Set<string>();
  /** Every identifier visited so far, in order: what a generator's name must not shadow. */
  private readonly names: string[] = [];

  constructor(private readonly code: string) {}

  /** Visits `node`; `hint` names an anonymous function from where it is assigned. */
  visit(node: AnyNode, scope: Scope, hint: string | undefined): void {
    switch (node.type) {
      case "FunctionDeclaration":
        if (node.async && !node.generator && node.id && this.hoist(node, node.id.name, node.id.end)) {
          this.visit(node.id, scope, undefined);
          return;
        }
        this.function(node, node.id?.name ?? hint ?? LAMBDA, node.start, node.body.start);
        if (node.id) this.visit(node.id, scope, undefined);
        return;
      case "FunctionExpression":
        this.function(node, node.id?.name ?? hint ?? LAMBDA, node.start, node.body.start);
        if (node.id) this.visit(node.id, scope, undefined);
        return;
      case "ArrowFunctionExpression":
        this.arrow(node, scope, hint ?? LAMBDA);
        return;
      case "ClassDeclaration":
      case "ClassExpression":
        this.class(node, scope, node.id?.name ?? hint);
        return;
      case "Property":
        if (node.computed) this.visit(node.key, scope, undefined);
        if (node.method && node.value.type === "FunctionExpression") {
          this.function(node.value, keyName(node.key, this.code), node.start, node.key.start);
        } else {
          this.visit(node.value, scope, node.shorthand ? undefined : keyName(node.key, this.code));
        }
        return;
      case "AwaitExpression":
        this.await(node.start, node.argument, scope);
        return;
      case "ForOfStatement":
        if (node.await) throw new UnsupportedSyntax(UNSUPPORTED.forAwait, node.start);
        break;
      case "Super":
        if (scope.noSuper) throw new UnsupportedSyntax(UNSUPPORTED.superInAsync, node.start);
        return;
      case "Identifier":
        this.identifier(node.name, node.start, scope);
        return;
      case "VariableDeclarator":
        this.visit(node.id, scope, undefined);
        if (node.init) this.visit(node.init, scope, node.id.type === "Identifier" ? node.id.name : undefined);
        return;
      case "AssignmentExpression":
      case "AssignmentPattern":
        this.visit(node.left, scope, undefined);
        this.visit(node.right, scope, targetName(node.left));
        return;
      case "ParenthesizedExpression":
        this.visit(node.expression, scope, hint);
        return;
      case "MemberExpression":
        this.visit(node.object, scope, undefined);
        if (node.computed) this.visit(node.property, scope, undefined);
        return;
      case "LabeledStatement":
        this.visit(node.body, scope, undefined);
        return;
      case "BreakStatement":
      case "ContinueStatement":
      case "MetaProperty":
        return;
    }
    this.children(node, scope);
  }

  private children(node: AnyNode, scope: Scope): void {
    const fields = node as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.visit(item, scope, undefined);
      } else if (isNode(value) && key !== "loc") {
        this.visit(value, scope, undefined);
      }
    }
  }

  /** A function declaration, expression or method; its `async` keyword lies in `[asyncFrom, asyncTo)`. */
  private function(node: FunctionNode, name: string, asyncFrom: number, asyncTo: number): void {
    if (node.async && node.generator) throw new UnsupportedSyntax(UNSUPPORTED.asyncGenerator, asyncFrom);
    for (const param of node.params) this.visit(param, PLAIN, undefined);
    if (!node.async) {
      this.visit(node.body, PLAIN, undefined);
      return;
    }
    this.removeAsync(asyncFrom, asyncTo);
    const seen = this.names.length;
    this.visit(node.body, ASYNC_FUNCTION, undefined);
    // The braces themselves are replaced, so an empty body `{}` still opens before it closes.
    const open = `{ return __coro(${JSON.stringify(name)}, ${this.generator(name, seen)}() {`;
    this.edits.replace(node.body.start, node.body.start + 1, open);
    this.edits.replace(node.body.end - 1, node.body.end, "}, this, arguments); }");
  }

  /**
   * An async function declaration becomes two declarations in the same scope, both hoisted:
   * `function f() { return __coro("f", __coro_f, this, arguments); } function* __coro_f(PARAMS) { BODY }`.
   * The generator function is made once per scope, not once per call (a function made per call
   * costs an interpreter its allocation, and V8 ~430 bytes of prototype and hidden class per
   * waiting task); calling it in __coro binds the arguments and evaluates defaults at the call,
   * as before. __coro renames it `f` for stack traces. Only the text from `async` to the name is
   * replaced, so the parameters and body keep their lines; false (not rewritten) when that text
   * spans a line break.
   */
  private hoist(node: FunctionNode, name: string, nameEnd: number): boolean {
    if (/[\n\r\u2028\u2029]/.test(this.code.slice(node.start, nameEnd))) return false;
    for (const param of node.params) this.visit(param, PLAIN, undefined);
    const generator = `${HOISTED_PREFIX}${name}`;
    this.edits.replace(
      node.start,
      nameEnd,
      `function ${name}() { return __coro(${JSON.stringify(name)}, ${generator}, this, arguments); } function* ${generator}`,
    );
    this.visit(node.body, ASYNC_FUNCTION, undefined);
    return true;
  }

  private arrow(node: FunctionNode, outer: Scope, name: string): void {
    // Parameters and plain arrows see through to the enclosing function, as `this` and `arguments` do.
    const see: Scope = {
      async: false,
      topLevel: false,
      noArguments: outer.noArguments,
      noSuper: outer.noSuper,
    };
    for (const param of node.params) this.visit(param, see, undefined);
    if (!node.async) {
      this.visit(node.body, see, undefined);
      return;
    }
    this.removeAsync(node.start, node.params[0]?.start ?? node.body.start);
    const block = node.body.type === "BlockStatement";
    const { start, end } = node.body;
    // Registered before the body's own edits, so that text at a shared offset nests outside theirs.
    const open = block ? this.edits.replace(start, start + 1, "") : this.edits.open(start, "");
    if (block) this.edits.replace(end - 1, end, "}, this); }");
    else this.edits.close(end, "; }, this)");
    const seen = this.names.length;
    this.visit(node.body, ASYNC_ARROW, undefined);
    const coro = `__coro(${JSON.stringify(name)}, ${this.generator(name, seen)}() {`;
    open.text = block ? `{ return ${coro}` : `${coro} return `;
  }

  /**
   * `function* name()` so that stack traces say "at fetch (main.ts:11)" rather than
   * "at <anonymous>", unless that name would shadow one the body uses (its own recursion).
   */
  private generator(name: string, seen: number): string {
    const short = name.slice(name.lastIndexOf(".") + 1);
    if (!/^[A-Za-z_$][\w$]*$/.test(short) || RESERVED.has(short)) return "function* ";
    for (let i = seen; i < this.names.length; i++) if (this.names[i] === short) return "function* ";
    return `function* ${short}`;
  }

  private class(node: Class, scope: Scope, name: string | undefined): void {
    if (node.id) this.visit(node.id, scope, undefined);
    if (node.superClass) this.visit(node.superClass, scope, undefined);
    for (const member of node.body.body) {
      if (member.type === "StaticBlock") {
        for (const statement of member.body) this.visit(statement, PLAIN, undefined);
        continue;
      }
      if (member.computed) this.visit(member.key, scope, undefined);
      const key = keyName(member.key, this.code);
      if (member.type === "MethodDefinition") {
        this.function(member.value, name ? `${name}.${key}` : key, member.start, member.key.start);
      } else if (member.value) {
        this.visit(member.value, PLAIN, key);
      }
    }
  }

  private await(start: number, argument: Expression, scope: Scope): void {
    if (!scope.async) {
      throw new UnsupportedSyntax(
        scope.topLevel ? UNSUPPORTED.topLevelAwait : UNSUPPORTED.awaitOutsideAsync,
        start,
      );
    }
    // `yield` may not be followed by a line break (it would yield nothing), `await` may: open a paren.
    const lineBreak = /[\n\r\u2028\u2029]/.test(this.code.slice(start + 5, argument.start));
    this.edits.replace(start, start + 5, lineBreak ? "(yield (" : "(yield");
    this.edits.close(argument.end, lineBreak ? "))" : ")");
    this.visit(argument, scope, undefined);
  }

  private identifier(name: string, start: number, scope: Scope): void {
    this.names.push(name);
    if (name === "arguments" && scope.noArguments) {
      throw new UnsupportedSyntax(UNSUPPORTED.argumentsInAsyncArrow, start);
    }
    // Only a module reserves `await`; in a script it would parse as a variable and fail at run time.
    if (name === "await") {
      throw new UnsupportedSyntax(
        scope.topLevel ? UNSUPPORTED.topLevelAwait : UNSUPPORTED.awaitOutsideAsync,
        start,
      );
    }
    if (name === "__coro" || name.startsWith(HOISTED_PREFIX)) {
      throw new UnsupportedSyntax(UNSUPPORTED.reservedName, start);
    }
    const warning = FOREIGN_GLOBALS[name];
    if (warning !== undefined && !this.warned.has(name)) {
      this.warned.add(name);
      this.warnings.push({ message: warning, offset: start });
    }
  }

  /** Deletes the `async` keyword found in `[from, to)` and the spaces after it (never a newline). */
  private removeAsync(from: number, to: number): void {
    const code = this.code;
    let at = code.indexOf("async", from);
    while (at !== -1 && at < to && (isIdentifierChar(code, at - 1) || isIdentifierChar(code, at + 5))) {
      at = code.indexOf("async", at + 5);
    }
    if (at === -1 || at >= to)
      throw new Error(`compiler bug: no \`async\` keyword in ${code.slice(from, to)}`);
    let end = at + 5;
    while (code[end] === " " || code[end] === "\t") end++;
    this.edits.replace(at, end, "");
  }
}

function isNode(value: unknown): value is AnyNode {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

function isIdentifierChar(code: string, index: number): boolean {
  const ch = code[index];
  return ch !== undefined && /[\w$\u0080-\uffff]/.test(ch);
}

/** The name a method or property key gives its function: `handle`, `#tick`, `"a-b"`, `[Symbol.iterator]`. */
function keyName(key: Expression | PrivateIdentifier, code: string): string {
  if (key.type === "Identifier") return key.name;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (key.type === "Literal" && key.value !== null && typeof key.value !== "object") return String(key.value);
  return `[${code.slice(key.start, key.end)}]`;
}

/** The name an assignment gives a function: `f = ...` and `obj.f = ...` both give "f". */
function targetName(target: AnyNode): string | undefined {
  if (target.type === "Identifier") return target.name;
  if (target.type === "MemberExpression" && !target.computed && target.property.type === "Identifier") {
    return target.property.name;
  }
  return undefined;
}
