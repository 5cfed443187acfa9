// No default export: this layout no longer wraps the docs pages.
export const metadata = { title: 'Docs' };
