/**
 * Stand-in for `next/font/google`. The real module has no runtime exports (SWC compiles each call into a
 * generated module), so every name a user imports must work. This module is CommonJS on purpose: its exports
 * object inherits from a proxy that answers any font name with a loader, and esbuild's CommonJS interop keeps
 * that prototype, so named imports (`import { Inter } from 'next/font/google'`) resolve too.
 */
import type { FontOptions } from './font.cjs';

const { fontResult } = require('./font.cjs') as { fontResult: (family: string, options?: FontOptions) => unknown };

const anyFont = new Proxy(
  {},
  {
    get(_target, key) {
      if (typeof key !== 'string' || key === 'then' || key === '__esModule' || key === 'default') return undefined;
      const family = key.replace(/_/g, ' ');
      return (options?: FontOptions) => fontResult(family, options);
    },
  },
);

module.exports = Object.create(anyFont);
