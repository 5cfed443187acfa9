import path from 'node:path';

/**
 * Who imports what, as the bundler resolved it: enough to tell a user the chain of imports from a route
 * file to the one that failed.
 */
export class ImportGraph {
  private readonly importers = new Map<string, Set<string>>();

  edge(importer: string, imported: string): void {
    if (!importer) return;
    let set = this.importers.get(imported);
    if (!set) this.importers.set(imported, (set = new Set()));
    set.add(importer);
  }

  /** A node (a resolved file, or a specifier that did not resolve) that satisfies `test`. */
  find(test: (node: string) => boolean): string | undefined {
    for (const node of this.importers.keys()) if (test(node)) return node;
    return undefined;
  }

  /** The shortest chain `entry -> ... -> target`, or undefined when the target was not reached from it. */
  chain(entry: string, target: string): string[] | undefined {
    if (entry === target) return [entry];
    const previous = new Map<string, string>([[target, target]]);
    const queue = [target];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const importer of this.importers.get(current) ?? []) {
        if (previous.has(importer)) continue;
        previous.set(importer, current);
        if (importer === entry) {
          const chain = [entry];
          for (let at = entry; at !== target; ) chain.push((at = previous.get(at)!));
          return chain;
        }
        queue.push(importer);
      }
    }
    return undefined;
  }

  /** The chain with every project file relative to `root`, packages by their specifier. */
  describe(root: string, entry: string, target: string): string | undefined {
    const chain = this.chain(entry, target);
    if (!chain || chain.length < 2) return undefined;
    return chain.map((step) => (path.isAbsolute(step) ? path.relative(root, step).split(path.sep).join('/') : step)).join(' -> ');
  }
}
