import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import { readModule } from '../_shared/ast.js';
import { findExport } from '../_shared/find-export.js';
import { NOT_STATIC, staticValue } from '../_shared/literal.js';
import { moveSpecifier } from '../_shared/relative-imports.js';
import { appAncestorFolders, type RouteFile } from '../_shared/route-file.js';
import type { TransformInput } from '../_shared/types.js';

const n = types.namedTypes;

const LAYOUT_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs'];

/** A layout above the page that exports generateStaticParams (in cascade order, top first). */
export interface LayoutParams {
  file: string;
  /** The local name the page imports the layout's generateStaticParams under. */
  localName: string;
  /** The import specifier, relative to the page as it is now (moved with the page's other imports). */
  specifier: string;
  /** Whether the layout's function declares a parameter (it is then called with `{ params }`). */
  takesParams: boolean;
}

export interface Cascade {
  layouts: LayoutParams[];
  /** `dynamicParams` of every layout above the page: false anywhere makes the whole route static-only. */
  dynamicParams: Array<{ file: string; value: unknown }>;
}

function pascal(folder: string): string {
  const last = folder.split('/').pop() ?? '';
  const name = last.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  return name
    .split(' ')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : ''))
    .join('');
}

/** The layouts above an app page (read through `readFile`), their generateStaticParams and dynamicParams. */
export function readCascade(route: RouteFile, input: TransformInput, taken: Set<string>): Cascade {
  const cascade: Cascade = { layouts: [], dynamicParams: [] };
  for (const folder of appAncestorFolders(route)) {
    for (const ext of LAYOUT_EXTENSIONS) {
      const file = `${route.dir}/${folder ? folder + '/' : ''}layout${ext}`;
      const text = input.readFile(file);
      if (text === undefined) continue;
      let ast: N.File;
      try {
        ast = readModule(text, file);
      } catch {
        break;
      }
      const generate = findExport(ast, 'generateStaticParams');
      if (generate) {
        let localName = `generate${pascal(folder) || 'Root'}Params`;
        for (let i = 2; taken.has(localName); i++) localName = `generate${pascal(folder) || 'Root'}Params${i}`;
        taken.add(localName);
        const specifier = moveSpecifier(`./${file.split('/').pop()!.replace(/\.[^.]+$/, '')}`, file, input.path);
        // Re-exported or imported functions are not visible here: call them with { params } to be safe.
        const takesParams = generate.local?.fn ? generate.local.fn.params.length > 0 : true;
        cascade.layouts.push({ file, localName, specifier, takesParams });
      }
      const dynamicParams = findExport(ast, 'dynamicParams');
      if (dynamicParams) {
        const init = dynamicParams.local?.init;
        cascade.dynamicParams.push({ file, value: init && !n.Identifier.check(init) ? staticValue(init) : NOT_STATIC });
      }
      break;
    }
  }
  return cascade;
}

/**
 * The body of getStaticPaths for a cascade of generateStaticParams functions, exactly as Next.js runs them
 * (generateRouteStaticParams): top down; a function is called once with `{}` while there are no params yet,
 * else once per parent params object; child keys override the parent's; a child returning [] passes its
 * parent through unchanged.
 */
export function cascadeFunction(names: readonly string[], typescript: boolean): string {
  const list = typescript ? 'Record<string, unknown>[]' : '';
  const annotate = (type: string): string => (typescript ? `: ${type}` : '');
  const generators = typescript
    ? `  const generators: Array<(context: { params: never }) => ${list} | Promise<${list}>> = [${names.join(', ')}];`
    : `  const generators = [${names.join(', ')}];`;
  return [
    '// The app router runs these top down, each once per parent params object (generateRouteStaticParams).',
    'async function generateAllParams() {',
    generators,
    `  let all${annotate(list)} = [];`,
    '  for (const generate of generators) {',
    '    if (all.length === 0) {',
    '      all = [...(await generate({ params: {} as never }))];',
    '      continue;',
    '    }',
    `    const next${annotate(list)} = [];`,
    '    for (const parent of all) {',
    '      const children = await generate({ params: parent as never });',
    '      if (children.length === 0) next.push(parent);',
    '      for (const child of children) next.push({ ...parent, ...child });',
    '    }',
    '    all = next;',
    '  }',
    '  return all;',
    '}',
  ]
    .join('\n')
    .replace(/ as never/g, typescript ? ' as never' : '');
}
