/** Stand-in for `next/amp` (Next.js 15 and older). */
export function useAmp(): boolean {
  return false;
}
