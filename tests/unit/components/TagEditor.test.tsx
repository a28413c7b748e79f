import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TagEditor } from '@/components/TagEditor';
import '../support/dom';

function Harness({ initial, known, onChange }: { initial: string[]; known: string[]; onChange?: (tags: string[]) => void }) {
  const [tags, setTags] = useState(initial);
  return (
    <TagEditor
      tags={tags}
      knownTags={known}
      paperTitle="Attention"
      onChange={(next) => {
        onChange?.(next);
        setTags(next);
      }}
    />
  );
}

const known = ['to read', 'transformers', 'théorie', 'diffusion', 'rl'];

describe('TagEditor', () => {
  it('adds a typed tag on Enter, once', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={['rl']} known={known} onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Add tag to Attention' });
    await user.type(input, '  new idea {Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['rl', 'new idea']);
    expect(input).toHaveValue('');
    await user.type(input, 'rl{Enter}');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(
      within(screen.getByRole('list', { name: 'Tags' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['rl×', 'new idea×']);
  });

  it('suggests existing tags as you type, ignoring accents, without the ones the paper has', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['to read']} known={known} />);
    const input = screen.getByRole('combobox');
    await user.type(input, 't');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['transformers', 'théorie']);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await user.clear(input);
    await user.type(input, 'theo');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['théorie']);
  });

  it('picks a suggestion with the arrow keys and Enter, or with a click', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={[]} known={known} onChange={onChange} />);
    const input = screen.getByRole('combobox');
    await user.type(input, 'tr');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: 'transformers' })).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: 'transformers' }).id);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(['transformers']);
    await user.type(input, 'dif');
    await user.click(screen.getByRole('option', { name: 'diffusion' }));
    expect(onChange).toHaveBeenLastCalledWith(['transformers', 'diffusion']);
    expect(input).toHaveFocus();
  });

  it('removes a tag with its button', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={['rl', 'to read']} known={known} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Remove tag rl' }));
    expect(onChange).toHaveBeenLastCalledWith(['to read']);
    expect(screen.queryByRole('button', { name: 'Remove tag rl' })).not.toBeInTheDocument();
  });

  it('shows tags that look like markup as text', () => {
    render(<Harness initial={['<img src=x onerror=alert(1)>']} known={[]} />);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
