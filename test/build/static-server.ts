import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain' };

/** A static host on 127.0.0.1 for a built site: `/x` serves `x/index.html` or `x.html`, as common hosts do. */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // Browsers ask for one whether the site has it or not; the fixtures have none.
    if (pathname === '/favicon.ico' && !existsSync(path.join(dir, 'favicon.ico'))) {
      response.writeHead(204);
      response.end();
      return;
    }
    const candidates = [pathname, path.join(pathname, 'index.html'), `${pathname.replace(/\/$/, '')}.html`];
    for (const candidate of candidates) {
      const file = path.join(dir, candidate);
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) continue;
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end(existsSync(path.join(dir, '404.html')) ? readFileSync(path.join(dir, '404.html')) : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
