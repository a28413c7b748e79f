import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesEditor } from '@/components/NotesEditor';
import '../support/dom';

beforeEach(() => {
  // Time also runs on its own: Testing Library waits on real-looking timers between events.
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp(value = '') {
  const onSave = vi.fn(async (_id: string, _text: string) => undefined);
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
    expect(onDraft).toHaveBeenLastCalledWith('2401.00001', 'Read §3');
    expect(onDraft).toHaveBeenCalledTimes(7);
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(onSave).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(150));
    expect(onSave).toHaveBeenCalledExactlyOnceWith('2401.00001', 'Read §3');
    expect(screen.getByText('Saved')).toBeInTheDocument();
  });

  it('saves at once when it loses focus', async () => {
    const { onSave, user, box } = setUp();
    await user.type(box, 'abc');
    await user.tab();
    expect(onSave).toHaveBeenCalledExactlyOnceWith('2401.00001', 'abc');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('saves at once when the page is hidden or closed (the popup closing mid-edit)', async () => {
    const { onSave, user, box } = setUp();
    await user.type(box, 'x');
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    fireEvent(document, new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    expect(onSave).toHaveBeenLastCalledWith('2401.00001', 'x');
    await user.type(box, 'y');
    fireEvent(window, new Event('pagehide'));
    expect(onSave).toHaveBeenLastCalledWith('2401.00001', 'xy');
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('saves what was typed when it goes away mid-edit', async () => {
    const { onSave, user, box, view } = setUp();
    await user.type(box, 'half a thought');
    view.unmount();
    expect(onSave).toHaveBeenCalledExactlyOnceWith('2401.00001', 'half a thought');
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
    expect(onSave).toHaveBeenLastCalledWith('p', 'keep me');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
