import { notFound, permanentRedirect } from 'next/navigation';

export function lookup(slug: string) {
  if (slug === 'moved') permanentRedirect('/blog/a');
  if (slug !== 'a') notFound();
  return { title: slug };
}
