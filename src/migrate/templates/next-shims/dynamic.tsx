import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

interface DynamicOptions {
  ssr?: boolean;
  loading?: ComponentType<{ error?: unknown; isLoading?: boolean; pastDelay?: boolean }>;
}

type Loader<P> = () => Promise<ComponentType<P> | { default: ComponentType<P> }>;

/**
 * next/dynamic for zfb. zfb renders each page once to a string and cannot wait for a lazy import, so the
 * page shows the `loading` component (nothing without one), as Next.js does with `ssr: false`; the component
 * itself appears only where it is inside an island. Import it directly to have it in the HTML.
 */
export default function dynamic<P extends object>(loader: Loader<P>, options: DynamicOptions = {}) {
  const Lazy = lazy(async () => {
    const loaded = await loader();
    return { default: 'default' in loaded ? loaded.default : loaded };
  });
  const Loading = options.loading;
  return function Dynamic(props: P): ReactNode {
    return (
      <Suspense fallback={Loading ? <Loading isLoading pastDelay /> : null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
