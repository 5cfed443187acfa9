import { createRequire } from 'node:module';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Next.js 16.4.6's own functions, loaded from the pinned package (next/dist/build/static-paths/*.js). */
const require = createRequire(import.meta.url);
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

type Params = Record<string, unknown>;
type Gsp = (arg: { params: Params }) => unknown;

const app = require('next/dist/build/static-paths/app.js') as {
  generateRouteStaticParams(
    segments: { config: undefined; generateStaticParams: Gsp | undefined }[],
    store: { page: string; fetchCache: undefined },
    isRoutePPREnabled: boolean,
    rootParamKeys: string[],
    isStaticExport: boolean,
  ): Promise<Params[]>;
};
const validate = require('next/dist/build/validate-app-paths.js') as { validateAppPaths(paths: string[]): unknown };

export function nextGenerateRouteStaticParams(
  gsps: readonly (Gsp | undefined)[],
  page: string,
  isRoutePPREnabled: boolean,
  isStaticExport: boolean,
): Promise<Params[]> {
  return app.generateRouteStaticParams(
    gsps.map((generateStaticParams) => ({ config: undefined, generateStaticParams })),
    { page, fetchCache: undefined },
    isRoutePPREnabled,
    [],
    isStaticExport,
  );
}

export function nextValidateAppPaths(paths: string[]): string | undefined {
  try {
    validate.validateAppPaths(paths);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
