/**
 * Props that `next build` refuses because they cannot travel to the browser as JSON: next@16.4.6
 * lib/is-serializable-props.ts `isSerializableProps`, its messages word for word, naming the path of the
 * value inside the props and the page pattern.
 */
const PLAIN_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function serializationProblem(props: Record<string, unknown>, page: string, method = 'getStaticProps'): string | undefined {
  const fail = (at: string, reason: string): string => `Error serializing \`${at}\` returned from \`${method}\` in "${page}".\nReason: ${reason}`;
  const visit = (value: unknown, at: string, refs: Map<object, string>): string | undefined => {
    const type = typeof value;
    if (value === null || type === 'boolean' || type === 'number' || type === 'string') return undefined;
    if (type === 'undefined') return fail(at, '`undefined` cannot be serialized as JSON. Please use `null` or omit this value.');
    const object = value as object;
    const plain = type === 'object' && (Object.getPrototypeOf(object) === Object.prototype || Object.getPrototypeOf(object) === null);
    if (plain || Array.isArray(object)) {
      if (refs.has(object)) return fail(at, `Circular references cannot be expressed in JSON (references: \`${refs.get(object) || '(self)'}\`).`);
      const inner = new Map(refs).set(object, at);
      const children: [string, unknown][] = Array.isArray(object)
        ? object.map((child, i) => [`${at}[${i}]`, child])
        : Object.entries(object).map(([key, child]) => [PLAIN_IDENTIFIER.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`, child]);
      for (const [path, child] of children) {
        const problem = visit(child, path, inner);
        if (problem) return problem;
      }
      return undefined;
    }
    return fail(at, '`' + type + '`' + (type === 'object' ? ` ("${Object.prototype.toString.call(value)}")` : '') + ' cannot be serialized as JSON. Please only return JSON serializable data types.');
  };
  return visit(props, '', new Map());
}
