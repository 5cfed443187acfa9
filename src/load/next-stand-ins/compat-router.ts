/** Stand-in for `next/compat/router`: the pages router, or null in the app router. */
import { useRouter as usePagesRouter } from './router.js';
import { getRenderContext } from './render-context.js';

export function useRouter() {
  return getRenderContext()?.route ? usePagesRouter() : null;
}
