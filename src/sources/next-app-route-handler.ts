/**
 * Whether `next build` prerenders a route handler (`route.ts`), from the module's own exports, as
 * next@16.4.6 decides it when it exports each URL of one (export/routes/app-route.ts `exportAppRoute`):
 *
 * 1. Static generation must be on for the module (server/route-modules/app-route/helpers/
 *    is-static-gen-enabled.ts): `dynamic` is 'force-static' or 'error', `revalidate` is false or a positive
 *    number, or it exports `generateStaticParams`. Cache Components turn it on for every handler.
 * 2. A handler for a method other than GET and HEAD makes the route dynamic at once
 *    (route-modules/app-route/module.ts `hasNonStaticMethods`: "Route is configured with methods that
 *    cannot be statically generated."), whatever its segment config says.
 * 3. `dynamic = 'force-dynamic'` throws a DynamicServerError in the prerender (module.ts
 *    `executePrerender`), even where generateStaticParams turned static generation on.
 *
 * Returns why the route is rendered on every request, or undefined when Next prerenders it.
 */

// module.ts `hasNonStaticMethods`, in its order.
const NON_STATIC_METHODS = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

export function routeHandlerDynamicReason(exports: Record<string, unknown>, cacheComponents: boolean): string | undefined {
  if (!cacheComponents && !isStaticGenEnabled(exports)) {
    return "a route handler is dynamic unless it exports dynamic = 'force-static' or 'error', a revalidate period, or generateStaticParams";
  }
  const methods = NON_STATIC_METHODS.filter((method) => exports[method] !== undefined);
  if (methods.length > 0) return `it also handles ${methods.join(', ')}, and Next.js never prerenders a route handler that takes methods other than GET and HEAD`;
  if (exports.dynamic === 'force-dynamic') return "it exports dynamic = 'force-dynamic'";
  return undefined;
}

function isStaticGenEnabled(exports: Record<string, unknown>): boolean {
  const { dynamic, revalidate } = exports;
  // `revalidate > 0` compares as JavaScript does, as the helper does.
  return dynamic === 'force-static' || dynamic === 'error' || revalidate === false || (revalidate !== undefined && (revalidate as number) > 0) || typeof exports.generateStaticParams === 'function';
}
