import { afterEach, describe, expect, it } from 'vitest';
import { markRequest } from '@/lib/background/timing';
import { testBackground, senders } from '../support/background';
import { metadata, hfSource } from '../support/factory';

const marks = (stage: string) => performance.getEntriesByName(`papershelf:request-${stage}`, 'mark');

// `npm run bench` reads where a save's time went in the worker from these marks (issue #12).
describe('the worker marks of a request', () => {
  const bg = testBackground();
  afterEach(() => bg.reset());

  it('keep only the latest of each stage, however many requests a worker answers', () => {
    for (let i = 0; i < 5; i++) markRequest('received');
    expect(marks('received')).toHaveLength(1);
  });

  it('say when a save was written and when the tabs were told, in that order', async () => {
    const reply = await bg.send({ type: 'paper/save', paper: metadata(), source: hfSource }, senders.contentScript);
    expect(reply.ok).toBe(true);
    const [handled] = marks('handled');
    const [announced] = marks('announced');
    expect(handled!.startTime).toBeLessThanOrEqual(announced!.startTime);
    expect(bg.announced).toHaveLength(1);
  });
});
