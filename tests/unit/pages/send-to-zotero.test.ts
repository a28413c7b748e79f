// Issue #13: "Send to Zotero" as the pages do it, against the real background and the protocol double.
import { afterEach, describe, expect, it } from 'vitest';
import type { BackgroundRequest } from '@/lib/messaging/contract';
import { sendPapersToZotero } from '@/lib/pages/send-to-zotero';
import type { Paper } from '@/lib/model/paper';
import type { Notice } from '@/lib/view/notice';
import { senders, testBackground } from '../support/background';
import { hfSource, metadata } from '../support/factory';

describe('sendPapersToZotero', () => {
  const bg = testBackground();
  afterEach(() => bg.reset());
  const notices: Omit<Notice, 'id'>[] = [];
  const questions: string[] = [];
  const send = (papers: Paper[], answers: { access?: boolean; confirm?: boolean } = {}) =>
    sendPapersToZotero(
      {
        ask: ((request: BackgroundRequest) => bg.ask(request, senders.library)) as never,
        notify: (notice) => notices.push(notice),
        confirm: (question) => (questions.push(question), answers.confirm ?? false),
        requestAccess: async () => answers.access ?? true,
      },
      papers,
    );
  const saved = async (...ids: string[]) => {
    const papers: Paper[] = [];
    for (const id of ids)
      papers.push(
        await bg.ask({ type: 'paper/save', paper: metadata({ id, title: `Paper ${id}` }), source: hfSource }, senders.contentScript),
      );
    return papers;
  };
  afterEach(() => {
    notices.length = 0;
    questions.length = 0;
  });

  it('says what was sent, and asks before sending again', async () => {
    const [first, second] = await saved('2401.00001', '2401.00002');
    await send([first!]);
    expect(notices.pop()).toEqual({ tone: 'info', text: 'Sent “Paper 2401.00001” to Zotero.' });
    await send([first!, second!]);
    expect(questions).toEqual([
      '“Paper 2401.00001” was sent to Zotero before. Send again? If you did not delete them in Zotero, it will keep two copies.',
    ]);
    expect(notices.pop()).toEqual({
      tone: 'info',
      text: 'Sent “Paper 2401.00002” to Zotero. “Paper 2401.00001” sent before: not sent again.',
    });
    await send([first!], { confirm: true });
    expect(notices.pop()).toEqual({ tone: 'info', text: 'Sent “Paper 2401.00001” to Zotero.' });
    expect(bg.zotero.state.received).toHaveLength(3);
  });

  it('sends nothing without the permission, and says why', async () => {
    const [paper] = await saved('2401.00001');
    await send([paper!], { access: false });
    expect(notices.pop()?.text).toMatch(/^Did not send “Paper 2401\.00001” to Zotero: PaperShelf needs your permission/);
    expect(bg.zotero.state.requests).toEqual([]);
  });

  it('shows the worker’s reason when the send failed', async () => {
    const [paper] = await saved('2401.00001');
    bg.zotero.state.running = false;
    await send([paper!]);
    expect(notices.pop()).toEqual({
      tone: 'error',
      text: expect.stringMatching(/^PaperShelf could not send the papers to Zotero: Zotero is not running/),
    });
  });
});
