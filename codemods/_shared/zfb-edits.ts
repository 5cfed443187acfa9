import type { namedTypes as N } from 'ast-types';
import { endOf, startOf, type EditedModule } from './edited-module.js';
import { findExport, type FoundExport } from './find-export.js';
import { removeExport, unexport } from './module-edits.js';
import { isRouterOnlyLinkProp, nextImportsPlan } from './zfb-common.js';

/** The edits the zfb transforms make on an EditedModule: data functions kept as locals, Next imports. */

/**
 * A Next data function (getStaticPaths, getStaticProps, generateStaticParams) taken out of the module's
 * exports and kept as a local function that generated code calls, so its code runs unchanged (never
 * evaluated by the codemod). Returns the local name to call, or undefined when the export is absent.
 * A re-export becomes an import under the same name, its specifier seen from where the module ends up
 * (`moveSpecifier`).
 */
export function keepAsLocal(
  m: EditedModule,
  name: string,
  options: { unseen?: string; moveSpecifier?: (specifier: string) => string } = {},
): { local: string; found: FoundExport } | undefined {
  const found = findExport(m.ast, name);
  if (!found || found.typeOnly) return undefined;
  if (found.form === 're-export') {
    // The code lives in another module: import it under the same name instead of re-exporting it.
    const imported = found.specifier?.local ?? found.specifier?.exported;
    const importedName = imported?.type === 'Identifier' ? imported.name : name;
    removeExport(m, found);
    const specifier = importedName === name ? name : `${importedName} as ${name}`;
    // Named as the module will import it, from where it ends up.
    const source = options.moveSpecifier ? options.moveSpecifier(found.source ?? '') : (found.source ?? '');
    const unseen = options.unseen ?? 'fallback, redirect, revalidate, Node-only code';
    const reason = `${name} lives in '${source}': check there what this migration could not see (${unseen})`;
    // getStaticPaths and getStaticProps re-exported together become one import.
    const existing = (m.ast.program.body as N.Node[]).find(
      (s): s is N.ImportDeclaration =>
        s.type === 'ImportDeclaration' &&
        (s as N.ImportDeclaration).source.value === found.source &&
        (s as N.ImportDeclaration).importKind !== 'type' &&
        ((s as N.ImportDeclaration).specifiers ?? []).length > 0 &&
        ((s as N.ImportDeclaration).specifiers ?? []).every((x) => x.type === 'ImportSpecifier'),
    );
    if (existing) {
      const last = existing.specifiers![existing.specifiers!.length - 1]!;
      m.insert(endOf(last), `, ${specifier}`);
      m.marker(existing, reason);
      return { local: name, found };
    }
    m.addImport(source, specifier, found.statement, reason);
    return { local: name, found };
  }
  if (found.form === 'declaration') {
    unexport(m, found);
    return { local: name, found };
  }
  removeExport(m, found);
  return { local: found.local?.name ?? name, found };
}

/** nextImportsPlan (zfb-common.ts) carried out on an EditedModule. */
export function migrateNextImports(m: EditedModule): void {
  const plan = nextImportsPlan(m.ast);
  for (const { statement, advice } of plan.marked) m.marker(statement, advice);
  for (const { statement, elements } of plan.links) {
    for (const element of elements) {
      const opening = element.openingElement;
      m.replace(opening.name as N.Node, 'a');
      for (const attribute of opening.attributes ?? []) {
        // The attribute goes with the space before it.
        if (isRouterOnlyLinkProp(attribute)) m.remove(m.source.slice(0, startOf(attribute)).trimEnd().length, endOf(attribute));
      }
      if (element.closingElement) m.replace(element.closingElement.name as N.Node, 'a');
    }
    m.removeStatement(statement);
  }
}
