import { describe, expect, it } from 'vitest';
import { BackgroundError, ExtensionGoneError, RETRY_DELAYS_MS, sendToBackground } from '@/lib/messaging/client';

describe('sendToBackground', () => {
  const request = { type: 'paper/remove', id: '2401.12345' } as const;
  const noWait = { wait: async () => {} };

  it('sends the request with a request id and resolves with the result of the reply', async () => {
    const sent: unknown[] = [];
    const result = await sendToBackground(async (message) => {
      sent.push(message);
      return { ok: true, result: { removed: true } };
    }, request);
    expect(sent).toEqual([{ ...request, requestId: expect.stringMatching(/^[\w-]{8,64}$/) }]);
    expect(result).toEqual({ removed: true });
  });

  it('throws the background’s reason for a refusal at once, without sending it again', async () => {
    let sends = 0;
    const refuse = async () => {
      sends++;
      return { ok: false, error: 'PaperShelf could not remove the paper: disk full' };
    };
    await expect(sendToBackground(refuse, request, noWait)).rejects.toThrow(
      new BackgroundError('PaperShelf could not remove the paper: disk full'),
    );
    expect(sends).toBe(1);
  });

  it('sends a request whose reply was lost again, with the same request id, until it is answered', async () => {
    const sent: { requestId: string }[] = [];
    const waited: number[] = [];
    const result = await sendToBackground(
      async (message) => {
        sent.push(message as { requestId: string });
        if (sent.length === 1) throw new Error('The message port closed before a response was received.');
        if (sent.length === 2) return undefined;
        return { ok: true, result: { removed: true } };
      },
      request,
      { wait: async (ms) => void waited.push(ms) },
    );
    expect(result).toEqual({ removed: true });
    expect(new Set(sent.map((message) => message.requestId)).size).toBe(1);
    expect(waited).toEqual(RETRY_DELAYS_MS.slice(0, 2));
  });

  it('gives up after its last attempt and says why', async () => {
    let sends = 0;
    const silent = async () => {
      sends++;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await expect(sendToBackground(silent, request, noWait)).rejects.toThrow(
      'PaperShelf background did not answer (Could not establish connection. Receiving end does not exist.)',
    );
    expect(sends).toBe(RETRY_DELAYS_MS.length + 1);
  });

  it('says the extension was updated when its context is gone, and does not send again', async () => {
    let sends = 0;
    const gone = async () => {
      sends++;
      throw new Error('Extension context invalidated.');
    };
    await expect(sendToBackground(gone, request, noWait)).rejects.toThrow(ExtensionGoneError);
    await expect(sendToBackground(gone, request, noWait)).rejects.toThrow('PaperShelf was updated — reload the page');
    expect(sends).toBe(2);
  });
});
