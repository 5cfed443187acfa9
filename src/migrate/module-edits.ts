import { posix } from 'node:path';
import type { namedTypes as N } from 'ast-types';
import { EditedModule, endOf, startOf } from '../../codemods/_shared/edited-module.js';
import { findExport, findLocalBinding } from '../../codemods/_shared/find-export.js';
import { rewriteRelativeImports } from '../../codemods/_shared/module-edits.js';

/** Edits migrate makes on whole modules: moving them, giving a page a wrapper, adding imports and code. */

type Node = N.Node;

/** A module moved from one project path to another, its relative imports still pointing at the same files. */
export function moveModule(source: string, from: string, to: string): string {
  if (posix.dirname(from) === posix.dirname(to)) return source;
  const m = new EditedModule(source, from);
  rewriteRelativeImports(m, from, to);
  return m.print();
}

/** The specifier that imports `to` from `from` (both project paths; `to` without its extension). */
export function relativeSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** A name no top-level binding of the module has yet: `wanted`, `wanted2`, ... */
export function freeName(ast: N.File, wanted: string, taken: ReadonlySet<string> = new Set()): string {
  let name = wanted;
  for (let i = 2; findLocalBinding(ast, name) || taken.has(name); i++) name = `${wanted}${i}`;
  return name;
}

export interface Additions {
  /** Import declarations, each a full statement. */
  imports: string[];
  /** Top-level code after everything else. */
  code: string[];
}

/**
 * Adds imports after the module's last import (at the top when it has none) and code at its end. The
 * module's own text is kept as it is.
 */
export function addToModule(source: string, file: string, additions: Additions): string {
  const m = new EditedModule(source, file);
  applyAdditions(m, additions);
  return oneFinalNewline(m.print());
}

/** Removed statements at the end of a module leave their blank lines behind: one line end closes it. */
function oneFinalNewline(text: string): string {
  const end = /(?:\r?\n)+$/.exec(text);
  return end ? text.slice(0, end.index) + (end[0].startsWith('\r') ? '\r\n' : '\n') : text + '\n';
}

function applyAdditions(m: EditedModule, { imports, code }: Additions): void {
  const body = m.ast.program.body as Node[];
  const lastImport = body.filter((s) => s.type === 'ImportDeclaration').at(-1);
  if (imports.length > 0) {
    if (lastImport) m.insertAfter(lastImport, imports.join('\n'), '\n');
    else if (body[0]) m.insertBefore(body[0], imports.join('\n'), directivesEnd(m, body) ? '\n' : '\n\n');
    else m.insertAfter(undefined, imports.join('\n'));
  }
  if (code.length > 0) m.insertAfter(undefined, code.join('\n\n') + '\n');
}

/** Whether the module opens with directives ('use client'), which must stay first. */
function directivesEnd(m: EditedModule, _body: Node[]): boolean {
  return ((m.ast.program as { directives?: Node[] }).directives ?? []).length > 0;
}

export interface WrapResult {
  source: string;
  /** The local name the page component now has. */
  component: string;
}

/**
 * Takes the module's default export away and gives it back as a local binding (`export default function
 * Post()` → `function Post()`), then adds `makeWrapper(component)`: the new default export, which renders the
 * component inside whatever the migration puts around it. Returns undefined when there is no default export.
 */
export function wrapDefaultExport(source: string, file: string, makeWrapper: (component: string, ast: N.File) => Additions): WrapResult | undefined {
  const m = new EditedModule(source, file);
  const found = findExport(m.ast, 'default');
  if (!found) return undefined;
  let component: string;
  const statement = found.statement as Node;
  if (found.form === 're-export') {
    // `export { default } from './x'`: the component is imported instead.
    component = freeName(m.ast, 'PageComponent');
    const imported = found.specifier?.local && found.specifier.local.type === 'Identifier' ? found.specifier.local.name : 'default';
    const list = ((statement as N.ExportNamedDeclaration).specifiers ?? []) as Node[];
    if (m.dropItem(list, found.specifier as Node)) m.removeStatement(statement);
    applyAdditions(m, { imports: [imported === 'default' ? `import ${component} from '${found.source}';` : `import { ${imported} as ${component} } from '${found.source}';`], code: [] });
  } else if (found.specifier) {
    // `export { Post as default }`
    component = found.local?.name ?? (found.specifier.local as N.Identifier).name;
    const list = ((statement as N.ExportNamedDeclaration).specifiers ?? []) as Node[];
    if (m.dropItem(list, found.specifier as Node)) m.removeStatement(statement);
  } else {
    const declaration = (statement as N.ExportDefaultDeclaration).declaration as Node;
    const id = (declaration as { id?: N.Identifier | null }).id;
    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && id) {
      component = id.name;
      m.remove(startOf(statement), startOf(declaration));
    } else if (declaration.type === 'Identifier') {
      component = (declaration as N.Identifier).name;
      m.removeStatement(statement);
    } else {
      // An anonymous function or class, or any other expression, becomes a constant.
      component = freeName(m.ast, 'PageComponent');
      m.edits.replace(startOf(statement), startOf(declaration), `const ${component} = `);
      if (m.source[endOf(statement) - 1] !== ';') m.insert(endOf(statement), ';');
    }
  }
  applyAdditions(m, makeWrapper(component, m.ast));
  return { source: oneFinalNewline(m.print()), component };
}
