import type { ReactNode, ScriptHTMLAttributes } from 'react';

export interface ScriptProps extends Omit<ScriptHTMLAttributes<HTMLScriptElement>, 'onLoad' | 'onError'> {
  strategy?: 'beforeInteractive' | 'afterInteractive' | 'lazyOnload' | 'worker';
  onLoad?: unknown;
  onReady?: unknown;
  onError?: unknown;
  children?: ReactNode;
}

/**
 * next/script for zfb: a plain <script>. An external script loads deferred (async for lazyOnload); inline code
 * runs where it stands. onLoad/onReady/onError callbacks need an island.
 */
export default function Script(props: ScriptProps) {
  const { strategy, onLoad, onReady, onError, children, dangerouslySetInnerHTML, src, ...rest } = props;
  void onLoad, onReady, onError;
  if (src) return <script src={src} async={strategy === 'lazyOnload' ? true : undefined} defer={strategy === 'lazyOnload' ? undefined : true} {...rest} />;
  const code = dangerouslySetInnerHTML?.__html ?? (typeof children === 'string' ? children : '');
  return <script {...rest} dangerouslySetInnerHTML={{ __html: code }} />;
}
