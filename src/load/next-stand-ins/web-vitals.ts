/** Stand-in for `next/web-vitals`. */
export function useReportWebVitals(): void {}
