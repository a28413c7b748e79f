import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesEditor, type NotesSaved } from '@/components/NotesEditor';
import { NOTES_SEPARATOR } from '@/lib/model/notes';
import '../support/dom';

beforeEach(() => {
  // Time also runs on its own: Testing Library waits on real-looking timers between events.
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp(value = '') {
  const onSave = vi.fn(async (_id: string, _text: string, _base: string): Promise<NotesSaved> => undefined);
  const onDraft = vi.fn();
  const user = userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime });
  const view = render(<NotesEditor paperId="2401.00001" paperTitle="Attention" value={value} onSave={onSave} onDraft={onDraft} />);
  const box = screen.getByRole('textbox', { name: /^Notes/ });
  return { onSave, onDraft, user, view, box };
}

describe('NotesEditor', () => {
  it('is a text box named "Notes for <title>"', () => {
    setUp('existing');
    expect(screen.getByRole('textbox', { name: 'Notes for Attention' })).toHaveValue('existing');
  });

  it('saves once, 400 ms after the last keystroke, and keeps a draft of every keystroke', async () => {
    const { onSave, onDraft, user, box } = setUp();
    await user.type(box, 'Read §3');
    expect(onSave).not.toHaveBeenCalled();
    expect(onDraft).toHaveBeenLastCalledWith('2401.00001', 'Read §3', '');
    expect(onDraft).toHaveBeenCalledTimes(7);
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(onSave).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(150));
    expect(onSave).toHaveBeenCalledExactlyOnceWith('2401.00001', 'Read §3', '');
    expect(screen.getByText('Saved')).toBeInTheDocument();
  });

  it('saves at once when it loses focus', async () => {
    const { onSave, user, box } = setUp();
    await user.type(box, 'abc');
    await user.tab();
    expect(onSave).toHaveBeenCalledExactlyOnceWith('2401.00001', 'abc', '');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('saves at once when the page is hidden or closed (the popup closing mid-edit)', async () => {
    const { onSave, user, box } = setUp();
    await user.type(box, 'x');
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    fireEvent(document, new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    expect(onSave).toHaveBeenLastCalledWith('2401.00001', 'x', '');
    await user.type(box, 'y');
    fireEvent(window, new Event('pagehide'));
    // Typed over its own first save.
    expect(onSave).toHaveBeenLastCalledWith('2401.00001', 'xy', 'x');
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('saves what was typed when it goes away mid-edit', async () => {
    const { onSave, user, box, view } = setUp();
    await user.type(box, 'half a thought');
    view.unmount();
    expect(onSave).toHaveBeenCalledExactlyOnceWith('2401.00001', 'half a thought', '');
  });

  it('never lets the echo of an earlier save overwrite what is being typed', async () => {
    const { user, box, view, onSave } = setUp();
    await user.type(box, 'first');
    await act(() => vi.advanceTimersByTimeAsync(400));
    await user.type(box, ' second');
    // The stored value catches up with the first save while the user is still typing.
    view.rerender(<NotesEditor paperId="2401.00001" paperTitle="Attention" value="first" onSave={onSave} />);
    expect(box).toHaveValue('first second');
    await user.type(box, '!');
    expect(box).toHaveValue('first second!');
  });

  it('shows a change made elsewhere when the user is not editing', () => {
    const { view, box, onSave } = setUp('old');
    view.rerender(<NotesEditor paperId="2401.00001" paperTitle="Attention" value="edited in the library" onSave={onSave} />);
    expect(box).toHaveValue('edited in the library');
  });

  it('says when a save failed, keeps the text, and tries again on blur', async () => {
    const onSave = vi.fn().mockRejectedValueOnce(new Error('background asleep')).mockResolvedValue(undefined);
    const user = userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime });
    render(<NotesEditor paperId="p" paperTitle="T" value="" onSave={onSave} />);
    const box = screen.getByRole('textbox', { name: 'Notes for T' });
    await user.type(box, 'keep me');
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(screen.getByRole('alert')).toHaveTextContent('Notes not saved: background asleep');
    expect(box).toHaveValue('keep me');
    await user.tab();
    // Typed over what is stored still: the failed save did not change it.
    expect(onSave).toHaveBeenLastCalledWith('p', 'keep me', '');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('NotesEditor with another window editing the same notes (issue #9)', () => {
  /** A background that keeps one stored text and writes a save only over the text it was typed on. */
  function twoWindows(initial: string) {
    let stored = initial;
    const onSave = vi.fn(async (_id: string, text: string, base: string): Promise<NotesSaved> => {
      if (stored !== base && stored !== text) return { conflict: { notes: stored } };
      stored = text;
      return {};
    });
    const user = userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime });
    const editor = (value: string) => <NotesEditor paperId="p" paperTitle="T" value={value} onSave={onSave} />;
    const view = render(editor(initial));
    const box = screen.getByRole('textbox', { name: 'Notes for T' });
    /** The other window saves `text`; this editor's live value follows, as IndexedDB would tell it. */
    const elsewhere = (text: string) => {
      stored = text;
      view.rerender(editor(text));
    };
    return { onSave, user, box, elsewhere, stored: () => stored };
  }

  it('a focused editor with nothing typed shows a change made elsewhere', async () => {
    const { user, box, elsewhere } = twoWindows('old');
    await user.click(box);
    elsewhere('changed in the library');
    expect(box).toHaveValue('changed in the library');
  });

  it('never overwrites a change made elsewhere: shows both and asks; Keep both keeps the two texts', async () => {
    const { user, box, elsewhere, stored } = twoWindows('shared');
    await user.click(box);
    await user.type(box, ' + popup');
    elsewhere('shared + library');
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(stored()).toBe('shared + library');
    expect(box).toHaveValue('shared + popup');
    expect(screen.getByRole('alert')).toHaveTextContent('changed in another window');
    expect(screen.getByRole('textbox', { name: 'Notes as changed elsewhere for T' })).toHaveValue('shared + library');
    // More typing is kept, and still sends nothing over the other text.
    await user.type(box, '!');
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(stored()).toBe('shared + library');
    await user.click(screen.getByRole('button', { name: 'Keep both' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(stored()).toBe(`shared + library${NOTES_SEPARATOR}shared + popup!`);
    expect(box).toHaveValue(stored());
    expect(screen.queryByRole('group', { name: /changed elsewhere/ })).not.toBeInTheDocument();
  });

  it('Keep mine writes the user’s text over the other', async () => {
    const mine = twoWindows('v1');
    await mine.user.click(mine.box);
    await mine.user.type(mine.box, ' mine');
    mine.elsewhere('v2 theirs');
    await act(() => vi.advanceTimersByTimeAsync(400));
    await mine.user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(mine.stored()).toBe('v1 mine');
  });

  it('Keep theirs takes the other text and sends nothing over it', async () => {
    const { user, box, elsewhere, stored, onSave } = twoWindows('v1');
    await user.click(box);
    await user.type(box, ' mine');
    elsewhere('v2 theirs');
    await act(() => vi.advanceTimersByTimeAsync(400));
    await user.click(screen.getByRole('button', { name: 'Keep theirs' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(box).toHaveValue('v2 theirs');
    expect(stored()).toBe('v2 theirs');
    expect(onSave).toHaveBeenLastCalledWith('p', 'v2 theirs', 'v2 theirs');
  });
});
