import { createContext, useContext, type ReactNode } from 'react';
import { PageContext, urlOf } from './context';
import type { ResolvedMetadata } from './metadata';

/**
 * An app-router page for zfb: the data its page and layouts awaited (computed in Node by the next-data
 * plugin, read back with useNextData), the route context next/navigation answers from, and the metadata of
 * the page as <title> and <meta> tags, which React places in the document's <head>.
 */

const NextData = createContext<Record<string, any>>({});

/** The values a server component's hoisted data function returned (see next-data/). */
export function useNextData(key: string): any {
  return useContext(NextData)[key] ?? {};
}

export interface AppShellProps {
  route: string;
  params?: Record<string, string | string[]>;
  data?: Record<string, any>;
  metadata?: ResolvedMetadata;
  children: ReactNode;
}

export function AppShell({ route, params = {}, data = {}, metadata, children }: AppShellProps) {
  return (
    <PageContext.Provider value={{ route, params, asPath: urlOf(route, params) }}>
      <NextData.Provider value={data}>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {metadata ? <MetadataTags metadata={metadata} /> : null}
        {children}
      </NextData.Provider>
    </PageContext.Provider>
  );
}

export function MetadataTags({ metadata: m }: { metadata: ResolvedMetadata }) {
  const meta = (name: string, content: string | undefined, key = 'name') => (content ? <meta {...{ [key]: name }} content={content} /> : null);
  return (
    <>
      {m.title ? <title>{m.title}</title> : null}
      {meta('description', m.description)}
      {meta('application-name', m.applicationName)}
      {m.authors?.map((author, i) => (author.url ? <link key={`a${i}`} rel="author" href={author.url} /> : null))}
      {m.authors?.map((author, i) => (author.name ? <meta key={`n${i}`} name="author" content={author.name} /> : null))}
      {meta('keywords', m.keywords)}
      {meta('robots', m.robots)}
      {m.canonical ? <link rel="canonical" href={m.canonical} /> : null}
      {m.other ? Object.entries(m.other).map(([name, content]) => <meta key={name} name={name} content={content} />) : null}
      {m.openGraph ? (
        <>
          {meta('og:title', m.openGraph.title, 'property')}
          {meta('og:description', m.openGraph.description, 'property')}
          {meta('og:url', m.openGraph.url, 'property')}
          {meta('og:site_name', m.openGraph.siteName, 'property')}
          {m.openGraph.images?.map((url: string) => <meta key={url} property="og:image" content={url} />)}
          {meta('og:type', m.openGraph.type, 'property')}
        </>
      ) : null}
      {m.twitter ? (
        <>
          {meta('twitter:card', m.twitter.card)}
          {meta('twitter:title', m.twitter.title)}
          {meta('twitter:description', m.twitter.description)}
          {m.twitter.images?.map((url: string) => <meta key={url} name="twitter:image" content={url} />)}
        </>
      ) : null}
      {m.icons?.map((href) => <link key={href} rel="icon" href={href} />)}
    </>
  );
}
