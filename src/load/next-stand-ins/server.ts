/** Stand-in for `next/server`, enough for route handlers that a static build calls with GET. */
import { getRenderContext } from './render-context.js';

export class NextRequest extends Request {
  get nextUrl(): URL {
    return new URL(this.url);
  }
  get cookies() {
    return { get: () => undefined, getAll: () => [], has: () => false };
  }
}

export class NextResponse extends Response {
  static override json(body: unknown, init?: ResponseInit): NextResponse {
    const response = Response.json(body, init);
    return new NextResponse(response.body, response);
  }
  static override redirect(url: string | URL, init?: number | ResponseInit): NextResponse {
    const status = typeof init === 'number' ? init : (init?.status ?? 307);
    return new NextResponse(null, { status, headers: { Location: String(url) } });
  }
  static next(init?: ResponseInit): NextResponse {
    return new NextResponse(null, init);
  }
  static rewrite(_destination: string | URL, init?: ResponseInit): NextResponse {
    return new NextResponse(null, init);
  }
}

export class ImageResponse extends Response {
  constructor() {
    super(null, { status: 200, headers: { 'content-type': 'image/png' } });
  }
}

export const URLPattern = (globalThis as { URLPattern?: unknown }).URLPattern;

export function after(task: unknown): void {
  if (typeof task === 'function') void Promise.resolve().then(task as () => unknown);
}

export async function connection(): Promise<void> {
  getRenderContext()?.onRequestApi?.('connection()');
}

export function userAgentFromString(ua: string | undefined) {
  return { ua: ua ?? '', isBot: false, browser: {}, device: {}, engine: {}, os: {}, cpu: {} };
}

export function userAgent(request: { headers: Headers }) {
  return userAgentFromString(request.headers.get('user-agent') ?? undefined);
}
