import { readFileSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The reference for socket fan-out: a plain `ws` server sending the same frames, serialised once,
 * at the same pace. A client's `{start: {rate, shared}}` starts the stream: shared, to every
 * connected client; private, to that client alone. Prints "listening <port>".
 */
const [framesFile] = process.argv.slice(2);
if (!framesFile) throw new Error('usage: node ws-reference.js <frames.json>');
const frames = (JSON.parse(readFileSync(framesFile, 'utf8')) as object[]).map((f, i) => JSON.stringify({ ...f, seq: i + 1 }));
const end = JSON.stringify({ end: true });
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });

function stream(targets: () => Iterable<WebSocket>, rate: number): void {
  let next = 0;
  const started = Date.now();
  const tick = () => {
    const due = Math.min(frames.length, Math.floor(((Date.now() - started) * rate) / 1000) + 1);
    for (const frame of frames.slice(next, due)) for (const ws of targets()) ws.send(frame);
    next = Math.max(next, due);
    if (next >= frames.length) {
      for (const ws of targets()) ws.send(end);
      return;
    }
    setTimeout(tick, 10);
  };
  tick();
}

server.on('connection', (ws) => {
  ws.on('message', (data) => {
    // with the default binaryType a message arrives as one Buffer
    const { start } = JSON.parse((data as Buffer).toString()) as { start?: { rate: number; shared?: boolean } };
    if (!start) return;
    if (start.shared) stream(() => server.clients, start.rate);
    else stream(() => [ws], start.rate);
  });
});
server.on('listening', () => console.log(`listening ${(server.address() as { port: number }).port}`));
