/** Stand-in for `next/config` (Next.js 12 to 15): the `serverRuntimeConfig` and `publicRuntimeConfig` of next.config. */
import { getRuntimeConfig, setRuntimeConfig, type RuntimeConfig } from './render-context.js';

export default function getConfig(): RuntimeConfig {
  return getRuntimeConfig();
}

export function setConfig(config: RuntimeConfig): void {
  setRuntimeConfig(config);
}
