/**
 * Stand-in for `next/dynamic`: `dynamic(loader, options)` returns a component, as the real one does, so a
 * call at module scope loads. It renders the loaded component inside Suspense (React 19 streams it on the
 * server); with `ssr: false` the server renders the `loading` component or nothing.
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';

type Loader = () => Promise<unknown> | unknown;

interface DynamicOptions {
  loader?: Loader;
  loading?: ComponentType<{ isLoading?: boolean; pastDelay?: boolean; error?: unknown }>;
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
  function DynamicComponent(props: Record<string, unknown>) {
    if (options.ssr === false && typeof window === 'undefined') return fallback;
    return createElement(Suspense, { fallback }, createElement(Lazy, props));
  }
  return DynamicComponent;
}

export function noSSR<P>(LoadableComponent: ComponentType<P>): ComponentType<P> {
  return LoadableComponent;
}
