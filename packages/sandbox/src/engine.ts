/**
 * A QuickJS WebAssembly module, loaded once per worker (or page) and reused for many runs.
 *
 * The module gets its own WebAssembly.Memory, sized from the run's memory limit: QuickJS's own
 * memory limit bounds only single allocations in these builds (docs/sandbox.md), so the WASM
 * heap is what bounds a program: the interrupt handler stops it once the heap passes the base
 * size plus the limit. The heap never shrinks; a module
 * whose heap grew past REPLACE_AFTER_BYTES is replaced before the next run, so that every run
 * starts with (nearly) the whole limit available. A module that aborted is never used again.
 */
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from "quickjs-emscripten-core";
import { PreparedContext } from "./prepared-context";

/** The QuickJS builds the sandbox can use: QuickJS-ng (default) or Bellard's QuickJS. */
export type VariantName = "ng" | "bellard";

/** The npm package of each build (its `/wasm` export is the .wasm file a browser fetches). */
export const VARIANT_PACKAGES: Readonly<Record<VariantName, string>> = {
  ng: "@jitl/quickjs-ng-wasmfile-release-sync",
  bellard: "@jitl/quickjs-wasmfile-release-sync",
};

/** The variant chosen by measurement and the hostile suite (docs/sandbox.md). */
export const DEFAULT_VARIANT: VariantName = "bellard";

const PAGE = 64 * 1024;
/** What the module needs before any program runs (its data, stack and first allocations). */
const BASE_BYTES = 16 * 1024 * 1024;
/** A module whose heap grew this far past its base (or half the limit) is replaced after the run. */
export const REPLACE_AFTER_BYTES = 32 * 1024 * 1024;

async function importVariant(name: VariantName): Promise<QuickJSSyncVariant> {
  const mod =
    name === "ng"
      ? await import("@jitl/quickjs-ng-wasmfile-release-sync")
      : await import("@jitl/quickjs-wasmfile-release-sync");
  return mod.default as QuickJSSyncVariant;
}

/** Options of a module: which build, how much memory, and where its .wasm is (browsers). */
export interface EngineOptions {
  variant?: VariantName;
  /** Memory a program may use (default: the run limits' memoryBytes). */
  memoryBytes: number;
  /** URL of the .wasm file, when the bundler cannot find it next to the variant's module. */
  wasmLocation?: string;
}

/** One loaded QuickJS module and its memory. */
export class Engine {
  /** Set when the module aborted or threw from the host side: it must not run again. */
  broken = false;
  /** Runtimes created and not yet disposed (0 between runs, or something leaked). */
  liveRuntimes = 0;
  runs = 0;
  /** Contexts made (each evaluates the runtime bundle); runs that end on their own share one. */
  contextsMade = 0;
  /** The context the next run uses: the last run's, cleaned, or one prepared while idle. */
  #spare: PreparedContext | null = null;
  /** Contexts whose run is over, disposed while idle (freeing a runtime takes milliseconds). */
  readonly #retired: PreparedContext[] = [];

  private constructor(
    readonly module: QuickJSWASMModule,
    readonly memory: WebAssembly.Memory,
    readonly variant: VariantName,
    readonly memoryBytes: number,
    readonly baseBytes: number,
  ) {}

  /** Loads and instantiates a module (tens of milliseconds; do it once per worker). */
  static async load(options: EngineOptions): Promise<Engine> {
    const variant = options.variant ?? DEFAULT_VARIANT;
    // Room past the stop line for one more allocation as large as the limit itself (QuickJS's
    // own limit bounds single allocations): growth past the line then always succeeds and the
    // interrupt handler sees it, instead of failing below the line where a program can catch it.
    const maximum = Math.ceil((BASE_BYTES + 2 * options.memoryBytes) / PAGE) + 16;
    const memory = new WebAssembly.Memory({ initial: BASE_BYTES / PAGE, maximum });
    const custom: { wasmMemory: WebAssembly.Memory; wasmLocation?: string } = { wasmMemory: memory };
    if (options.wasmLocation !== undefined) custom.wasmLocation = options.wasmLocation;
    const module = await newQuickJSWASMModuleFromVariant(newVariant(await importVariant(variant), custom));
    return new Engine(module, memory, variant, options.memoryBytes, memory.buffer.byteLength);
  }

  /** Bytes of WebAssembly memory the module holds now (it only grows). */
  heapBytes(): number {
    return this.memory.buffer.byteLength;
  }

  /** The heap size past which the running program is stopped for using too much memory. */
  memoryStopBytes(): number {
    return this.baseBytes + this.memoryBytes;
  }

  /** A ready context for one run: the spare if there is one, else a new one. */
  takeContext(): PreparedContext {
    const spare = this.#spare;
    this.#spare = null;
    if (spare !== null) return spare;
    this.contextsMade++;
    return PreparedContext.create(this);
  }

  /** Prepares the next run's context now (call when idle). Does nothing if one is ready. */
  prepareSpare(): void {
    if (this.#spare === null && !this.broken) {
      this.contextsMade++;
      this.#spare = PreparedContext.create(this);
    }
  }

  /** Takes back a context that is clean after its run, for the next run (else retires it). */
  recycle(prepared: PreparedContext): void {
    if (this.#spare === null && !this.broken) this.#spare = prepared;
    else this.retire(prepared);
  }

  /** Takes a finished run's context, to dispose it when idle (collect()); at most two wait. */
  retire(prepared: PreparedContext): void {
    this.#retired.push(prepared);
    while (this.#retired.length > 2) this.#retired.shift()!.dispose();
  }

  /** Disposes the contexts of finished runs. */
  collect(): void {
    while (this.#retired.length > 0) this.#retired.shift()!.dispose();
  }

  /** Disposes the spare and retired contexts. The module is released with its memory by the GC. */
  dispose(): void {
    this.collect();
    this.#spare?.dispose();
    this.#spare = null;
  }

  /** True when the next run should get a fresh module instead of this one. */
  needsReplacing(memoryBytes: number): boolean {
    const grown = this.heapBytes() - this.baseBytes;
    return (
      this.broken ||
      memoryBytes !== this.memoryBytes ||
      grown > Math.min(REPLACE_AFTER_BYTES, this.memoryBytes / 2)
    );
  }
}
