import nextEnv from '@next/env';

const silent = { info() {}, error() {} };

/**
 * Runs `fn` with the environment `next build` gives user code: the project's .env files loaded by Next's
 * own loader (@next/env, production mode) and NODE_ENV=production. The previous environment is restored
 * afterwards, so computing one project's model never leaks into the next.
 */
export async function withBuildEnv<T>(root: string, loadDotEnv: boolean, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  try {
    // First, as `next build` does: the env loader picks .env.test instead of .env.production under NODE_ENV=test.
    (process.env as Record<string, string>).NODE_ENV = 'production';
    if (loadDotEnv) {
      // Next restores its first-seen environment before every reload; let it see the current one instead.
      nextEnv.updateInitialEnv({ ...process.env });
      nextEnv.loadEnvConfig(root, false, silent, true);
    }
    return await fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
