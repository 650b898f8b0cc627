import { request } from 'node:http';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

/** An answer as the service sent it: its bytes, encoded as they went out, and its headers. */
interface HeldAnswer {
  body: Buffer;
  headers: Record<string, string>;
}

/** The headers an answer's bytes need to be the same answer again. */
const KEPT_HEADERS = ['content-type', 'content-encoding', 'vary', 'etag'];

/**
 * Routes that do nothing, beside which the benchmarks measure the real ones: the same process,
 * body parsing, guards and filters, minus the work. Mounted only with BENCH_ROUTES=true.
 */
@Controller('bench')
export class BenchController {
  private held: HeldAnswer | undefined;

  @Post('noop')
  @HttpCode(201)
  post(@Body() body: unknown) {
    return { ok: typeof body === 'object' };
  }

  @Get('noop')
  get() {
    return { ok: true };
  }

  /**
   * Asks this service for `path` with the given request headers and keeps the answer's bytes as
   * they were sent (compressed, when the request accepted it); `GET /bench/held` then serves them
   * from memory: the reference of a view served at its fastest.
   */
  @Post('hold')
  async hold(@Body() body: { path: string; headers?: Record<string, string> }, @Req() req: Request) {
    this.held = await answerOf(req.socket.localPort ?? 0, body.path, body.headers ?? {});
    return { bytes: this.held.body.length, headers: this.held.headers };
  }

  @Get('held')
  served(@Res() res: Response) {
    if (!this.held) return res.status(404).json({ error: 'nothing held: POST /bench/hold first' });
    res.set(this.held.headers).set('content-length', String(this.held.body.length)).end(this.held.body);
  }
}

function answerOf(port: number, path: string, headers: Record<string, string>): Promise<HeldAnswer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const kept = KEPT_HEADERS.flatMap((name) => {
          const value = res.headers[name];
          return typeof value === 'string' ? [[name, value] as const] : [];
        });
        resolve({ body: Buffer.concat(chunks), headers: Object.fromEntries(kept) });
      });
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}
