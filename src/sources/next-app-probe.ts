import { getRenderContext, setRenderContext, type RenderContext } from '../load/next-stand-ins/render-context.js';
import { paramsProp, type ParamsShape } from '../project/next-version.js';

/**
 * Whether an app-router page reaches a request-time API while it renders. `next build` finds out by
 * prerendering: `headers()`, `cookies()`, `connection()`, reading `searchParams`, `unstable_noStore()` or a
 * `fetch` with `cache: 'no-store'` / `revalidate: 0` makes the route dynamic (`ƒ`), and Next prerenders
 * none of its URLs (checked with a real build of fixtures/load-app-router; `draftMode()` does not count).
 *
 * The probe renders the server side the way React's server renderer walks it: each server component is
 * called with its props and awaited, and whatever it returns is walked in turn; client components (client
 * references) are not run, as the server layer never runs them. `generateMetadata` runs too, as Next calls
 * it during the same prerender. One URL of the route is probed: request-time APIs are almost always used
 * whatever the params are.
 */

export interface ProbeSegment {
  /** The module's exports: `default` is the layout or page component. */
  exports: Record<string, unknown>;
  role: 'layout' | 'page';
}

export interface ProbeResult {
  /** The first request-time API reached (`headers()`, `searchParams`, ...), if any. */
  api?: string;
  /** What stopped the probe before it could tell (a component that threw). */
  error?: unknown;
}

const CLIENT_REFERENCE = Symbol.for('react.client.reference');
const FORWARD_REF = Symbol.for('react.forward_ref');
const MEMO = Symbol.for('react.memo');
const LAZY = Symbol.for('react.lazy');
const PROVIDER = Symbol.for('react.context');
// Deep enough for any real tree; a cycle (an element that renders itself) stops here.
const MAX_DEPTH = 400;

class RequestApiReached extends Error {
  constructor(readonly api: string) {
    super(`reached ${api}`);
  }
}

export async function probeRequestApis(
  segments: readonly ProbeSegment[],
  params: Record<string, unknown>,
  pathname: string,
  react: unknown,
  paramsAs: ParamsShape,
): Promise<ProbeResult> {
  let api: string | undefined;
  const previous = getRenderContext();
  const context: RenderContext = {
    pathname,
    route: pathname,
    asPath: pathname,
    query: {},
    params: params as RenderContext['params'],
    basePath: '',
    isFallback: false,
    onRequestApi(name) {
      api ??= name;
      // Next stops the prerender here too (a postpone or DynamicServerError).
      throw new RequestApiReached(name);
    },
  };
  setRenderContext(context);
  const restoreFetch = watchFetch(context);
  const restoreDispatcher = installDispatcher(react);
  try {
    const searchParams = requestApiThenable('searchParams', context);
    // As the project's Next.js hands them over: a plain object before 15, a promise since.
    const paramsValue = paramsProp(params, paramsAs);
    for (const segment of segments) {
      const generateMetadata = segment.exports.generateMetadata;
      if (typeof generateMetadata === 'function') {
        await generateMetadata(segment.role === 'page' ? { params: paramsValue, searchParams } : { params: paramsValue }, Promise.resolve({}));
      }
    }
    // Layouts wrap the page: render it as their child, as the loader tree does.
    let tree: unknown = element(segments.at(-1)?.exports.default, { params: paramsValue, searchParams });
    for (const segment of segments.slice(0, -1).reverse()) tree = element(segment.exports.default, { params: paramsValue, children: tree });
    await walk(tree, 0);
    return api ? { api } : {};
  } catch (error) {
    if (api) return { api };
    return { error };
  } finally {
    restoreDispatcher();
    restoreFetch();
    setRenderContext(previous);
  }
}

/**
 * Runs one call the way a route handler's prerender runs it (a metadata route's GET): the first request-time
 * API it reaches stops it and is reported, as `probeRequestApis` does for a page's render.
 */
export async function probeCall(pathname: string, params: Record<string, unknown>, call: () => Promise<unknown>): Promise<ProbeResult & { value?: unknown }> {
  let api: string | undefined;
  const previous = getRenderContext();
  const context: RenderContext = {
    pathname,
    route: pathname,
    asPath: pathname,
    query: {},
    params: params as RenderContext['params'],
    basePath: '',
    isFallback: false,
    onRequestApi(name) {
      api ??= name;
      throw new RequestApiReached(name);
    },
  };
  setRenderContext(context);
  const restoreFetch = watchFetch(context);
  try {
    const value = await call();
    return api ? { api } : { value };
  } catch (error) {
    return api ? { api } : { error };
  } finally {
    restoreFetch();
    setRenderContext(previous);
  }
}

/**
 * What the `use(promise)` calls of the component being rendered settled to, by call order. React keeps this
 * per component (its thenable state): when a suspended component renders again, its n-th `use()` gets the
 * n-th settled value even if it was handed a new promise (a library that calls an uncached async function
 * on every render still renders the second time).
 */
interface ThenableState {
  settled: { ok: boolean; value: unknown }[];
  index: number;
}

let thenables: ThenableState | undefined;

/**
 * The hooks a server component may call (React's server dispatcher allows `use`, `useId`, `useMemo`,
 * `useCallback`, `useDebugValue`, and reading context defaults), installed on the project's own React so
 * that calls from user code reach it. `use(promise)` suspends as in React: the promise is thrown, awaited,
 * and the component rendered again.
 */
function installDispatcher(react: unknown): () => void {
  const internals = (react as Record<string, { H?: unknown; ReactCurrentDispatcher?: { current: unknown } } | undefined>) ?? {};
  const shared = internals.__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE ?? internals.__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  const legacy = internals.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED?.ReactCurrentDispatcher;
  let id = 0;
  const dispatcher = {
    use(usable: { then?: unknown; _currentValue?: unknown }) {
      if (typeof usable?.then === 'function') {
        const state = thenables ?? { settled: [], index: 0 };
        const index = state.index++;
        const known = state.settled[index];
        if (known) {
          if (known.ok) return known.value;
          throw known.value;
        }
        const pending = Promise.resolve(usable as PromiseLike<unknown>).then(
          (value) => void (state.settled[index] = { ok: true, value }),
          (error: unknown) => void (state.settled[index] = { ok: false, value: error }),
        );
        throw Object.assign(pending, { __probeSuspended: true });
      }
      return usable?._currentValue;
    },
    useContext: (context: { _currentValue?: unknown }) => context?._currentValue,
    useMemo: <T>(create: () => T) => create(),
    useCallback: <T>(callback: T) => callback,
    useId: () => `«p${id++}»`,
    useDebugValue: () => undefined,
  };
  if (shared && 'H' in shared) {
    const previous = { H: shared.H, A: (shared as { A?: unknown }).A };
    shared.H = dispatcher;
    (shared as { A?: unknown }).A = requestCache();
    return () => void Object.assign(shared, previous);
  }
  if (legacy) {
    const previous = legacy.current;
    legacy.current = dispatcher;
    return () => void (legacy.current = previous);
  }
  return () => undefined;
}

/**
 * The per-request cache of a server render (React's async dispatcher `A`): `cache(fn)` of the react-server
 * build memoizes only while one is installed, as during a real render. Libraries keep request state there
 * (next-intl's `setRequestLocale`); without it every call starts afresh.
 */
function requestCache(): object {
  const caches = new Map<() => unknown, unknown>();
  return {
    getCacheForType<T>(create: () => T): T {
      if (!caches.has(create)) caches.set(create, create());
      return caches.get(create) as T;
    },
    cacheSignal: () => null,
    getOwner: () => null,
  };
}

function element(type: unknown, props: Record<string, unknown>): unknown {
  return typeof type === 'function' ? { $$typeof: Symbol.for('react.transitional.element'), type, props, key: null } : null;
}

/** A `searchParams` promise that counts as a request-time API as soon as anything reads it. */
function requestApiThenable(name: string, context: RenderContext): unknown {
  return new Proxy(Promise.resolve({}), {
    get(target, key) {
      if (key === 'then' || key === 'catch' || key === 'finally' || typeof key === 'string') context.onRequestApi?.(name);
      return Reflect.get(target, key);
    },
  });
}

/** `fetch` with `cache: 'no-store'` or `next: { revalidate: 0 }` opts the route out of prerendering. */
function watchFetch(context: RenderContext): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = ((input: unknown, init?: { cache?: string; next?: { revalidate?: unknown } }) => {
    if (init?.cache === 'no-store' || init?.next?.revalidate === 0) context.onRequestApi?.(`fetch(…, { ${init.cache === 'no-store' ? "cache: 'no-store'" : 'next: { revalidate: 0 }'} })`);
    return original(input as Parameters<typeof fetch>[0], init as Parameters<typeof fetch>[1]);
  }) as typeof fetch;
  return () => {
    globalThis.fetch = original;
  };
}

interface ElementLike {
  type: unknown;
  props: Record<string, unknown> | null;
}

function isElement(node: unknown): node is ElementLike {
  return typeof node === 'object' && node !== null && 'type' in node && 'props' in node && typeof (node as { $$typeof?: unknown }).$$typeof === 'symbol';
}

async function walk(node: unknown, depth: number): Promise<void> {
  if (depth > MAX_DEPTH || node === null || node === undefined || typeof node !== 'object') return;
  if (typeof (node as PromiseLike<unknown>).then === 'function') return walk(await (node as PromiseLike<unknown>), depth + 1);
  if (Array.isArray(node)) {
    for (const child of node) await walk(child, depth + 1);
    return;
  }
  if (!isElement(node)) return;
  const props = node.props ?? {};
  const rendered = await renderServerComponent(node.type, props);
  if (rendered.ran) {
    await walk(rendered.output, depth + 1);
    return;
  }
  // A host element, a fragment, Suspense or a client component: the server still renders the element
  // trees handed to it as props (children, slots), so those are walked.
  for (const value of Object.values(props)) {
    if (typeof value === 'object' && value !== null) await walk(value, depth + 1);
  }
}

async function renderServerComponent(type: unknown, props: Record<string, unknown>): Promise<{ ran: boolean; output?: unknown }> {
  if (typeof type === 'function') {
    const component = type as ((props: object) => unknown) & { $$typeof?: symbol; prototype?: { isReactComponent?: unknown } };
    if (component.$$typeof === CLIENT_REFERENCE || component.prototype?.isReactComponent) return { ran: false };
    return { ran: true, output: await callSuspending(() => component(props)) };
  }
  if (typeof type === 'object' && type !== null) {
    const wrapper = type as { $$typeof?: symbol; render?: (props: object, ref: null) => unknown; type?: unknown; _payload?: unknown; _init?: (payload: unknown) => unknown };
    if (wrapper.$$typeof === CLIENT_REFERENCE || wrapper.$$typeof === PROVIDER) return { ran: false };
    if (wrapper.$$typeof === FORWARD_REF && wrapper.render) return { ran: true, output: await callSuspending(() => wrapper.render!(props, null)) };
    if (wrapper.$$typeof === MEMO) return renderServerComponent(wrapper.type, props);
    if (wrapper.$$typeof === LAZY && wrapper._init) return renderServerComponent(await wrapper._init(wrapper._payload), props);
  }
  return { ran: false };
}

/** Calls a component; when it suspends on `use(promise)`, waits for the promise and calls it again. */
async function callSuspending(render: () => unknown): Promise<unknown> {
  const state: ThenableState = { settled: [], index: 0 };
  for (let attempt = 0; ; attempt++) {
    try {
      state.index = 0;
      const outer = thenables;
      thenables = state;
      let output: unknown;
      try {
        output = render();
      } finally {
        thenables = outer;
      }
      return await output;
    } catch (thrown) {
      const suspended = thrown as { __probeSuspended?: boolean } & PromiseLike<unknown>;
      if (!suspended?.__probeSuspended || attempt > 50) throw thrown;
      await suspended;
    }
  }
}
