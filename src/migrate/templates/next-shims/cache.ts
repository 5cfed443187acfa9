/**
 * next/cache for zfb: a static build computes each value once, so caching helpers pass their function
 * through and revalidation has nothing to do.
 */
export function unstable_cache<T extends (...args: any[]) => any>(fn: T): T {
  return fn;
}

export function revalidatePath(_path: string): void {}
export function revalidateTag(_tag: string): void {}
export function unstable_noStore(): void {}
export function cacheLife(_profile: unknown): void {}
export function cacheTag(..._tags: string[]): void {}
