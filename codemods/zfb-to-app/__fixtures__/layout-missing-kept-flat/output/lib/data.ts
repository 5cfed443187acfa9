export const categories = ['tech', 'news', 'empty'];

export function postsIn(category: string): string[] {
  return category === 'empty' ? [] : [`${category}-1`, `${category}-2`];
}
