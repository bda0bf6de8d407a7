/**
 * The properties panel's input debounce (service `debounceInput`), with a flush: the panel writes a typed value to
 * the diagram only after a pause, so "Validate" or "Save draft" clicked right after typing would send the XML
 * without it. The modeler flushes pending input before it serialises.
 */
export default class FlushableInput {
  static $inject: string[] = [];

  private readonly pending = new Map<object, () => void>();

  constructor(private readonly delay = 300) {}

  /** Same contract as the panel's `debounceInput`: wraps `fn` so it runs after `delay` ms without a further call. */
  debounce = <A extends unknown[]>(fn: (...args: A) => unknown): ((...args: A) => void) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastArgs: A | undefined;
    const run = () => {
      clearTimeout(timer);
      this.pending.delete(debounced);
      if (lastArgs) {
        const args = lastArgs;
        lastArgs = undefined;
        fn(...args);
      }
    };
    const debounced = (...args: A) => {
      lastArgs = args;
      clearTimeout(timer);
      timer = setTimeout(run, this.delay);
      this.pending.set(debounced, run);
    };
    return debounced;
  };

  /** Runs every pending input now. */
  flush(): void {
    [...this.pending.values()].forEach((run) => run());
  }
}
