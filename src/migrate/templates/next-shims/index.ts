/**
 * The types `import type { … } from 'next'` brings in, for a zfb project that no longer depends on next. They
 * describe what the migrated code still uses; type checking is all they are for.
 */
import type { ComponentType, ReactElement, ReactNode } from 'react';

type Params = Record<string, string | string[] | undefined>;

export interface GetStaticPropsContext<Q = Params> {
  params?: Q;
  locale?: string;
  locales?: string[];
  defaultLocale?: string;
  preview?: boolean;
  draftMode?: boolean;
  revalidateReason?: 'build' | 'stale' | 'on-demand';
}

export type GetStaticPropsResult<P> =
  | { props: P | Promise<P>; revalidate?: number | boolean }
  | { redirect: { destination: string; permanent?: boolean; statusCode?: number; basePath?: false }; revalidate?: number | boolean }
  | { notFound: true; revalidate?: number | boolean };

export type GetStaticProps<P extends { [key: string]: any } = { [key: string]: any }, Q = Params> = (
  context: GetStaticPropsContext<Q>,
) => Promise<GetStaticPropsResult<P>> | GetStaticPropsResult<P>;

export interface GetStaticPathsContext {
  locales?: string[];
  defaultLocale?: string;
}

export interface GetStaticPathsResult<Q = Params> {
  paths: Array<string | { params: Q; locale?: string }>;
  fallback: boolean | 'blocking';
}

export type GetStaticPaths<Q = Params> = (context: GetStaticPathsContext) => Promise<GetStaticPathsResult<Q>> | GetStaticPathsResult<Q>;

export type InferGetStaticPropsType<T extends (args: any) => any> = Extract<Awaited<ReturnType<T>>, { props: any }>['props'];

export type GetServerSideProps<P extends { [key: string]: any } = { [key: string]: any }> = (context: any) => Promise<{ props: P } | { notFound: true } | { redirect: unknown }>;
export type InferGetServerSidePropsType<T extends (args: any) => any> = Extract<Awaited<ReturnType<T>>, { props: any }>['props'];

export type NextPage<P = {}, IP = P> = ComponentType<P> & { getInitialProps?: (context: any) => IP | Promise<IP> };
export type NextComponentType<C = any, IP = {}, P = {}> = ComponentType<P> & { getInitialProps?: (context: C) => IP | Promise<IP> };
export type NextPageContext = Record<string, unknown>;
export type NextApiRequest = any;
export type NextApiResponse<T = any> = any & { json(body: T): void };
export type NextApiHandler<T = any> = (req: NextApiRequest, res: NextApiResponse<T>) => unknown;

export type Metadata = Record<string, any> & { title?: any; description?: string | null };
export type ResolvingMetadata = Promise<Metadata>;
export type Viewport = Record<string, any>;
export type ResolvingViewport = Promise<Viewport>;
export type MetadataRoute = any;
export type NextConfig = Record<string, any>;
export type PageProps<_Route extends string = string> = { params: Promise<any>; searchParams: Promise<any> };
export type LayoutProps<_Route extends string = string> = { params: Promise<any>; children: ReactNode };

export type { ReactElement };
