import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { freeName, navigationResultFunction } from './navigation-errors.js';

// The real next/navigation of the installed next, whose errors the generated function must read.
const navigation = createRequire(import.meta.url)('next/navigation') as Record<string, (...args: unknown[]) => never>;

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

// The JavaScript form of the function, made callable.
const navigationResult = new Function(`${navigationResultFunction('navigationResult', false)}\nreturn navigationResult;`)() as (error: unknown) => unknown;

describe('the function getStaticProps catches next/navigation errors with', () => {
  it("turns next/navigation's notFound() into { notFound: true }", () => {
    expect(navigationResult(thrown(() => navigation.notFound!()))).toEqual({ notFound: true });
  });

  it('turns redirect() and permanentRedirect() into a redirect, the url kept whole', () => {
    expect(navigationResult(thrown(() => navigation.redirect!('/blog/a;b?x=1')))).toEqual({ redirect: { destination: '/blog/a;b?x=1', permanent: false } });
    expect(navigationResult(thrown(() => navigation.permanentRedirect!('/new', 'push')))).toEqual({ redirect: { destination: '/new', permanent: true } });
  });

  it('throws anything else again: forbidden(), a plain error, a value', () => {
    const forbidden = thrown(() => navigation.forbidden!());
    expect(thrown(() => navigationResult(forbidden))).toBe(forbidden);
    const plain = new Error('NEXT_REDIRECT');
    expect(thrown(() => navigationResult(plain))).toBe(plain);
    expect(thrown(() => navigationResult(null))).toBe(null);
  });

  it('is named so as not to take a name of the module', () => {
    expect(freeName('const a = 1;', 'navigationResult')).toBe('navigationResult');
    expect(freeName('const navigationResult = 1; let navigationResult2;', 'navigationResult')).toBe('navigationResult3');
  });
});
