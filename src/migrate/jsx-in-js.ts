import { readFileSync } from 'node:fs';
import { parseModule } from '../../codemods/_shared/ast.js';
import { walk } from '../../codemods/_shared/walk.js';
import type { OutputTree } from './output.js';

/**
 * Next.js compiles JSX in `.js` files; zfb 0.1.0-next.89 bundles `.js` as plain JavaScript ("The JSX syntax
 * extension is not currently enabled") and its `bundle.loaders` accepts no `jsx` loader. So every `.js`
 * module of the output that holds JSX becomes `.jsx`; the imports that name it without an extension, as
 * Next.js projects write them, find it there. Returns the output paths renamed, old → new.
 */
export function jsxModulesToJsx(tree: OutputTree): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const file of tree.paths()) {
    if (!file.endsWith('.js') || file.startsWith('plugins/')) continue;
    const entry = tree.files.get(file)!;
    const text = entry.kind === 'text' ? entry.text : readFileSync(entry.from, 'utf8');
    if (!/<[A-Za-z>]/.test(text) || !hasJsx(text, file)) continue;
    const jsx = `${file.slice(0, -'.js'.length)}.jsx`;
    if (tree.has(jsx)) continue;
    tree.files.set(jsx, entry);
    tree.delete(file);
    renamed.set(file, jsx);
  }
  return renamed;
}

function hasJsx(text: string, file: string): boolean {
  let found = false;
  try {
    walk(parseModule(text, `${file}x`).program, (node) => {
      if (node.type === 'JSXElement' || node.type === 'JSXFragment') found = true;
      return !found;
    });
  } catch {
    // A file that does not parse is listed as such elsewhere and copied as it is.
    return false;
  }
  return found;
}
