/**
 * "Who attended?": Jira people, picked through Jira's user search (resolver searchPeople). An ARIA 1.2
 * combobox (a text input that controls a listbox of matches: Down/Up move, Enter picks, Escape closes)
 * with the picked people as removable chips. Searches 250 ms after the last keystroke; an answer for an
 * older query is dropped. Part of the walkthrough chunk (loaded lazily).
 */
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { PersonRef } from '#contract';
import { api } from '../api';
import type { AttendeeDraft } from './walkthrough-model';

export type { AttendeeDraft };

export const SEARCH_DEBOUNCE_MS = 250;

const chipList: CSSProperties = { listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-space-075, 6px)', margin: '0 0 var(--ds-space-075, 6px)', padding: 0 };
const chip: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 'var(--ds-space-050, 4px)',
  padding: '2px 2px 2px 8px',
  borderRadius: 'var(--ds-border-radius, 3px)',
  background: 'var(--ds-background-neutral, #091E420F)',
  color: 'var(--ds-text, #172B4D)',
};
const chipButton: CSSProperties = {
  border: 0,
  background: 'transparent',
  color: 'var(--ds-icon, #44546F)',
  cursor: 'pointer',
  minWidth: 24,
  minHeight: 24,
  borderRadius: 'var(--ds-border-radius, 3px)',
  fontSize: 16,
  lineHeight: 1,
};
const listbox: CSSProperties = {
  position: 'absolute',
  insetInline: 0,
  top: '100%',
  zIndex: 10,
  listStyle: 'none',
  margin: 'var(--ds-space-050, 4px) 0 0',
  padding: 'var(--ds-space-050, 4px) 0',
  border: '1px solid var(--ds-border, #091E4224)',
  borderRadius: 'var(--ds-border-radius, 3px)',
  background: 'var(--ds-surface-overlay, #FFFFFF)',
  boxShadow: 'var(--ds-shadow-overlay, 0 8px 12px #091E4226)',
  maxHeight: 240,
  overflowY: 'auto',
};
const option = (active: boolean): CSSProperties => ({
  padding: 'var(--ds-space-075, 6px) var(--ds-space-150, 12px)',
  cursor: 'pointer',
  color: 'var(--ds-text, #172B4D)',
  background: active ? 'var(--ds-background-selected, #E9F2FF)' : undefined,
  boxShadow: active ? 'inset 2px 0 0 var(--ds-border-selected, #0C66E4)' : undefined,
});
const visuallyHidden: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

const keyOf = (a: AttendeeDraft) => (a.accountId ? `id:${a.accountId}` : `name:${a.displayName}`);

export function PeoplePicker({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  /** The input's id: the field's label points at it, and a failed save focuses it. */
  id: string;
  value: AttendeeDraft[];
  onChange(next: AttendeeDraft[]): void;
  invalid: boolean;
  describedBy: string;
}) {
  const listId = `${id}-listbox`;
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PersonRef[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle');
  const latest = useRef('');

  const picked = new Set(value.filter((a) => a.accountId).map((a) => a.accountId));
  const options = matches.filter((p) => !picked.has(p.accountId));

  useEffect(() => {
    const text = query.trim();
    latest.current = text;
    if (text === '') {
      setMatches([]);
      setStatus('idle');
      return;
    }
    setStatus('searching');
    const timer = window.setTimeout(() => {
      void api.searchPeople(text).then((result) => {
        if (latest.current !== text) return; // a newer query is on its way
        if (result.ok) {
          setMatches(result.value.people);
          setStatus('done');
        } else {
          setMatches([]);
          setStatus('failed');
        }
        setActive(-1);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const expanded = open && query.trim() !== '' && status !== 'idle';
  const activeOption = expanded && active >= 0 ? options[active] : undefined;

  const pick = (person: PersonRef) => {
    onChange([...value, { accountId: person.accountId, displayName: person.displayName }]);
    setQuery('');
    setMatches([]);
    setActive(-1);
    setOpen(false);
    inputRef.current?.focus();
  };

  const remove = (index: number) => {
    onChange(value.filter((_, i) => i !== index));
    // Focus goes to the chip that took its place, else the one before, else the input.
    requestAnimationFrame(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(`[data-picker="${CSS.escape(id)}"] [data-remove]`);
      (buttons[Math.min(index, buttons.length - 1)] ?? inputRef.current)?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (options.length > 0) setActive((i) => (i + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (options.length > 0) setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case 'Enter':
        // Enter in the picker never submits the form: it picks the highlighted person (or the only match).
        if (query.trim() !== '') {
          event.preventDefault();
          const person = activeOption ?? (options.length === 1 ? options[0] : undefined);
          if (person) pick(person);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (query !== '') {
          event.preventDefault();
          setQuery('');
        }
        break;
      case 'Backspace':
        if (query === '' && value.length > 0) remove(value.length - 1);
        break;
      default:
        break;
    }
  };

  const statusText =
    status === 'searching'
      ? 'Searching Jira people…'
      : status === 'failed'
        ? 'Could not search Jira people. Try again.'
        : status === 'done'
          ? options.length === 0
            ? 'No Jira people match.'
            : `${options.length} ${options.length === 1 ? 'person matches' : 'people match'}. Use Up and Down to choose, Enter to add.`
          : '';

  return (
    <div data-picker={id} data-testid="walkthrough-attendees-picker">
      {value.length > 0 && (
        <ul style={chipList} aria-label="Attendees" data-testid="walkthrough-attendee-chips">
          {value.map((a, i) => (
            <li key={keyOf(a)} style={chip} data-testid="walkthrough-attendee-chip">
              <span>
                {a.displayName}
                {!a.accountId && <span className="helper"> (name only)</span>}
              </span>
              <button type="button" style={chipButton} aria-label={`Remove ${a.displayName}`} data-remove onClick={() => remove(i)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div style={{ position: 'relative' }}>
        <input
          ref={inputRef}
          style={{ width: '100%', boxSizing: 'border-box' }}
          id={id}
          type="text"
          className="ds-input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${id}-opt-${activeOption.accountId}` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          placeholder="Type a name or email"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
          data-testid="walkthrough-attendees"
        />
        <ul id={listId} role="listbox" aria-label="Matching Jira people" hidden={!expanded || options.length === 0} style={listbox} data-testid="walkthrough-attendee-options">
          {options.map((p, i) => (
            <li
              key={p.accountId}
              id={`${id}-opt-${p.accountId}`}
              role="option"
              aria-selected={i === active}
              style={option(i === active)}
              // mousedown, not click: picking must happen before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {p.displayName}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-status`} role="status" aria-live="polite" style={visuallyHidden}>
        {expanded || status === 'failed' ? statusText : ''}
      </p>
    </div>
  );
}
