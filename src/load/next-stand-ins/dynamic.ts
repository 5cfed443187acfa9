/**
 * Stand-in for `next/dynamic`: `dynamic(loader, options)` returns a component, as the real one does, so a
 * call at module scope loads. It renders the loaded component inside Suspense (React 19 streams it on the
 * server). With `ssr: false` the server renders the `loading` component (or nothing), and so does the
 * browser's first render, so that hydration finds what the server wrote; the component is loaded and shown
 * once the page is mounted. `loading` gets the props each router's next/dynamic gives it: `pastDelay: false`
 * and `timedOut` in the pages router (shared/lib/dynamic.tsx `noSSR`), `pastDelay: true` in the app router
 * (shared/lib/lazy-dynamic/loadable.tsx).
 */
import { createElement, lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { getRenderContext } from './render-context.js';

type Loader = () => Promise<unknown> | unknown;

interface DynamicOptions {
  loader?: Loader;
  loading?: ComponentType<{ isLoading?: boolean; pastDelay?: boolean; timedOut?: boolean; error?: unknown }>;
  ssr?: boolean;
}

export default function dynamic(first: Loader | DynamicOptions | Promise<unknown>, second?: DynamicOptions): ComponentType<Record<string, unknown>> {
  const options: DynamicOptions = { ...(typeof first === 'function' || first instanceof Promise ? {} : first), ...second };
  const loader: Loader | undefined = typeof first === 'function' ? first : first instanceof Promise ? () => first : options.loader;
  const Loading = options.loading;
  const fallback = Loading ? createElement(Loading, { isLoading: true, pastDelay: true, error: null }) : null;
  const Lazy = lazy(async () => {
    const loaded = (await loader?.()) as { default?: ComponentType } | ComponentType | undefined;
    const component = (loaded && typeof loaded === 'object' && 'default' in loaded ? loaded.default : loaded) as ComponentType | undefined;
    return { default: component ?? (() => null) };
  });
  function ClientOnly(props: Record<string, unknown>) {
    const [mounted, setMounted] = useState(false);
    useEffect(() => setMounted(true), []);
    const waiting = Loading && getRenderContext()?.router === 'pages' ? createElement(Loading, { error: null, isLoading: true, pastDelay: false, timedOut: false }) : fallback;
    return mounted ? createElement(Suspense, { fallback: waiting }, createElement(Lazy, props)) : waiting;
  }
  function DynamicComponent(props: Record<string, unknown>) {
    if (options.ssr === false) return createElement(ClientOnly, props);
    return createElement(Suspense, { fallback }, createElement(Lazy, props));
  }
  return DynamicComponent;
}

export function noSSR<P>(LoadableComponent: ComponentType<P>): ComponentType<P> {
  return LoadableComponent;
}
