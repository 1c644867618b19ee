/** One server-sent event as the wire carries it (WHATWG HTML §9.2 event stream format). */
export interface SseFrame {
  id?: string;
  event?: string;
  data: string;
  retry?: number;
}

/**
 * Parses an event stream body into frames: lines split on CR, LF or CRLF, `data` lines joined,
 * comments (`:`) ignored, a frame ends at a blank line. Frames without data only carry `retry`.
 */
export async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseFrame> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let frame: { id?: string; event?: string; data: string[]; retry?: number } = { data: [] };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece may be half a line: keep it for the next chunk.
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line === '') {
          if (frame.data.length > 0 || frame.retry !== undefined) {
            yield {
              data: frame.data.join('\n'),
              ...(frame.id === undefined ? {} : { id: frame.id }),
              ...(frame.event === undefined ? {} : { event: frame.event }),
              ...(frame.retry === undefined ? {} : { retry: frame.retry }),
            };
          }
          frame = { data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') frame.data.push(value);
        else if (field === 'id' && !value.includes('\0')) frame.id = value;
        else if (field === 'event') frame.event = value;
        else if (field === 'retry' && /^\d+$/.test(value)) frame.retry = Number(value);
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
