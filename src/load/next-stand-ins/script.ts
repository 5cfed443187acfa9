/** Stand-in for `next/script`: a plain `<script>`; inline code from children or dangerouslySetInnerHTML. */
import { createElement, type ReactNode } from 'react';

export interface ScriptProps {
  src?: string;
  strategy?: 'beforeInteractive' | 'afterInteractive' | 'lazyOnload' | 'worker';
  children?: ReactNode;
  onLoad?: unknown;
  onReady?: unknown;
  onError?: unknown;
  [prop: string]: unknown;
}

export default function Script({ strategy, children, onLoad, onReady, onError, ...rest }: ScriptProps) {
  void onLoad;
  void onReady;
  void onError;
  const props: Record<string, unknown> = { ...rest };
  if (strategy !== 'beforeInteractive' && props.src) props.async = true;
  if (typeof children === 'string') props.dangerouslySetInnerHTML = { __html: children };
  return createElement('script', props);
}

export function handleClientScriptLoad(): void {}
export function initScriptLoader(): void {}
