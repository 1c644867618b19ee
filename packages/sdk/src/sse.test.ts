import { describe, expect, it } from 'vitest';
import { parseSse, type SseFrame } from './sse.js';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const collect = async (body: ReadableStream<Uint8Array>) => {
  const frames: SseFrame[] = [];
  for await (const frame of parseSse(body)) frames.push(frame);
  return frames;
};

describe('parseSse', () => {
  it('reads id, event and data, joining data lines and skipping comments', async () => {
    const frames = await collect(
      streamOf(': keep-alive\n\n', 'id: e1\nevent: a.b\ndata: {"x":\ndata: 1}\n\n'),
    );
    expect(frames).toEqual([{ id: 'e1', event: 'a.b', data: '{"x":\n1}' }]);
  });

  it('reassembles frames split across chunks, with CRLF line ends', async () => {
    const frames = await collect(streamOf('id: e', '2\r\ndata: hel', 'lo\r\n', '\r\n'));
    expect(frames).toEqual([{ id: 'e2', data: 'hello' }]);
  });

  it('passes on the reconnection delay', async () => {
    expect(await collect(streamOf('retry: 2000\n\n'))).toEqual([{ data: '', retry: 2000 }]);
  });
});
