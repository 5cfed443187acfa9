import { lookup } from './store';

export async function slugs() {
  return ['a', 'b'];
}

export async function postOrNotFound(slug: string) {
  return lookup(slug);
}
