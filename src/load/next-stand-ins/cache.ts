/** Stand-in for `next/cache`: caching is a no-op in a static build; `unstable_noStore` opts out of prerendering. */
import { getRenderContext } from './render-context.js';

export function unstable_cache<T extends (...args: never[]) => unknown>(fn: T): T {
  return fn;
}

export function unstable_noStore(): void {
  getRenderContext()?.onRequestApi?.('unstable_noStore()');
}

const noop = (): void => undefined;
export const revalidatePath = noop;
export const revalidateTag = noop;
export const updateTag = noop;
export const refresh = noop;
export const cacheLife = noop;
export const cacheTag = noop;
export const unstable_cacheLife = noop;
export const unstable_cacheTag = noop;
export const io = async (): Promise<void> => undefined;
export const navigation = noop;
export const prefetch = noop;
