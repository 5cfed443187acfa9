/** The MDX provider @next/mdx falls back to when a project has no mdx-components file: no overrides. */
export function useMDXComponents(components: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...components };
}
