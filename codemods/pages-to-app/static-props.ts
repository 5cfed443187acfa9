import { types } from 'recast';
import type { EditedModule } from '../_shared/edited-module.js';
import { unwrapExpression, type FunctionNode } from '../_shared/find-export.js';
import { getProperty, NOT_STATIC, propertyKey, staticValue } from '../_shared/literal.js';
import { returnSites } from '../_shared/returns.js';

const n = types.namedTypes;

export interface PropsConversion {
  /** The `revalidate` every return agreed on (seconds or false), when it is a literal. */
  revalidate?: number | false;
  /** Functions of next/navigation the converted body now calls. */
  navigation: Set<'notFound' | 'redirect' | 'permanentRedirect'>;
}

/**
 * Rewrites a getStaticProps body so it returns the props themselves: `{ props }` → props, `{ notFound: true }`
 * → `notFound()`, `{ redirect }` → `redirect()` / `permanentRedirect()`. `revalidate` moves to the route
 * segment config (returned here) when every return agrees on one literal.
 */
export function convertStaticProps(m: EditedModule, fn: FunctionNode): PropsConversion {
  const navigation = new Set<'notFound' | 'redirect' | 'permanentRedirect'>();
  const revalidates = new Set<unknown>();
  for (const site of returnSites(fn)) {
    const value = unwrapExpression(site.value);
    const anchor = site.statement ?? site.value;
    if (!n.ObjectExpression.check(value)) {
      m.marker(anchor, 'getStaticProps returns a value that is not an object literal: return its props, and call notFound()/redirect() for the other results, by hand');
      continue;
    }
    const known = ['props', 'notFound', 'redirect', 'revalidate'];
    const unknown = value.properties.filter((p) => !known.includes(propertyKey(p) ?? ''));
    if (unknown.length > 0) {
      m.marker(anchor, 'getStaticProps returns a spread or computed key: return its props by hand');
      continue;
    }
    const revalidate = getProperty(value, 'revalidate');
    if (revalidate) {
      const seconds = staticValue(revalidate.value);
      revalidates.add(typeof seconds === 'number' || seconds === false ? seconds : NOT_STATIC);
    }
    const notFound = getProperty(value, 'notFound');
    const redirect = getProperty(value, 'redirect');
    const props = getProperty(value, 'props');
    if (notFound) {
      const flag = staticValue(notFound.value);
      if (flag === true) {
        navigation.add('notFound');
        m.replace(site.value, 'notFound()');
        continue;
      }
      if (flag !== false) {
        navigation.add('notFound');
        const propsText = props ? m.text(props.value) : '{}';
        m.replace(site.value, `${m.text(notFound.value)} ? notFound() : ${propsText}`);
        continue;
      }
    }
    if (redirect) {
      const target = unwrapExpression(redirect.value);
      const destination = n.ObjectExpression.check(target) ? getProperty(target, 'destination') : undefined;
      if (!n.ObjectExpression.check(target) || !destination) {
        m.marker(anchor, 'redirect is not a { destination, permanent } literal: call redirect() or permanentRedirect() by hand');
        continue;
      }
      const permanentValue = staticValue(getProperty(target, 'permanent')?.value);
      const status = staticValue(getProperty(target, 'statusCode')?.value);
      const permanent = permanentValue === true || status === 301 || status === 308;
      const temporary = permanentValue === false || status === 302 || status === 303 || status === 307;
      const name = permanent ? 'permanentRedirect' : 'redirect';
      navigation.add(name);
      m.replace(site.value, `${name}(${m.text(destination.value)})`);
      if (!permanent && !temporary) m.marker(anchor, 'redirect permanence computed at run time: choose redirect() or permanentRedirect()');
      if (getProperty(target, 'basePath')) m.marker(anchor, 'redirect basePath: false has no app-router equivalent');
      continue;
    }
    if (props) m.unwrap(site.value, props.value);
    else m.replace(site.value, '{}');
  }
  const conversion: PropsConversion = { navigation };
  if (revalidates.size === 1) {
    const only = [...revalidates][0];
    if (only !== NOT_STATIC) conversion.revalidate = only as number | false;
  }
  if (revalidates.size > 0 && conversion.revalidate === undefined) {
    m.marker(fn, 'revalidate differs between returns or is computed: export const revalidate = <seconds> by hand');
  }
  return conversion;
}
