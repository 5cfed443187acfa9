/**
 * next/server for zfb: what a route handler that runs at build time uses. NextResponse is the web Response
 * with Next's helpers; NextRequest the web Request with `nextUrl`.
 */
export class NextResponse extends Response {
  static override json(body: unknown, init?: ResponseInit): NextResponse {
    const headers = new Headers(init?.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new NextResponse(JSON.stringify(body), { ...init, headers });
  }

  static next(): NextResponse {
    return new NextResponse(null);
  }

  static override redirect(url: string | URL, status = 307): NextResponse {
    return new NextResponse(null, { status, headers: { location: String(url) } });
  }

  static rewrite(_url: string | URL): NextResponse {
    return new NextResponse(null);
  }
}

export class NextRequest extends Request {
  get nextUrl(): URL {
    return new URL(this.url);
  }
}

export function after(task: () => unknown): void {
  void task;
}

export function connection(): Promise<void> {
  return Promise.resolve();
}
