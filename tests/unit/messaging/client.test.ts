import { describe, expect, it } from 'vitest';
import { BackgroundError, sendToBackground } from '@/lib/messaging/client';

describe('sendToBackground', () => {
  const request = { type: 'paper/remove', id: '2401.12345' } as const;

  it('sends the request as it is and resolves with the result of the reply', async () => {
    const sent: unknown[] = [];
    const result = await sendToBackground(async (message) => {
      sent.push(message);
      return { ok: true, result: { removed: true } };
    }, request);
    expect(sent).toEqual([request]);
    expect(result).toEqual({ removed: true });
  });

  it('throws the background’s reason for a refusal, and says when nobody answered', async () => {
    await expect(
      sendToBackground(async () => ({ ok: false, error: 'PaperShelf could not remove the paper: disk full' }), request),
    ).rejects.toThrow(new BackgroundError('PaperShelf could not remove the paper: disk full'));
    await expect(sendToBackground(async () => undefined, request)).rejects.toThrow('PaperShelf background did not answer');
  });
});
