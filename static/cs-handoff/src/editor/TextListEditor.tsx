/** An ordered or unordered list of one-line texts: add, remove and (when ordered) move up / down. */
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { newId, type TextItem } from '../editor-model';
import { describedBy, FieldMessages } from './Field';
import { focusSoon } from '../focus';

interface Props {
  name: string; // field path in the schema, e.g. "happyPath"
  itemNoun: string; // "step"
  legend: string;
  helper: string;
  addLabel: string;
  placeholder?: string;
  items: TextItem[];
  max: number;
  orderable: boolean;
  errors: Record<string, string>;
  visible: (path: string) => boolean;
  onChange(items: TextItem[]): void;
  onBlur(path: string): void;
}

export function TextListEditor(p: Props) {
  const inputId = (item: TextItem) => `${p.name}-${item.id}`;
  const listError = p.visible(p.name) ? p.errors[p.name] : undefined;

  const update = (index: number, text: string) => p.onChange(p.items.map((it, i) => (i === index ? { ...it, text } : it)));
  const add = () => {
    const item = { id: newId(), text: '' };
    p.onChange([...p.items, item]);
    focusSoon(inputId(item));
  };
  const remove = (index: number) => {
    const next = p.items.filter((_, i) => i !== index);
    p.onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    focusSoon(...(neighbour ? [inputId(neighbour)] : []), `${p.name}-add`);
  };
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= p.items.length) return;
    const next = [...p.items];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(target, 0, moved);
    p.onChange(next);
    const dir = by < 0 ? 'up' : 'down';
    const other = by < 0 ? 'down' : 'up';
    focusSoon(`${inputId(moved)}-${dir}`, `${inputId(moved)}-${other}`, inputId(moved));
  };

  return (
    <fieldset data-testid={`${p.name}-editor`}>
      <legend className="visually-hidden">{p.legend}</legend>
      <div className="helper" id={`${p.name}-helper`}>
        {p.helper}
      </div>
      <div className="stack-sm" style={{ marginTop: 8 }}>
        {p.items.map((item, index) => {
          const id = inputId(item);
          const path = `${p.name}.${index}`;
          const error = p.visible(path) ? p.errors[path] : undefined;
          const n = index + 1;
          return (
            <div key={item.id} className="list-item" data-testid={`${p.name}-item`}>
              <span className="index" aria-hidden="true">
                {p.orderable ? `${n}.` : '•'}
              </span>
              <div>
                <label className="visually-hidden" htmlFor={id}>
                  {`${p.itemNoun[0]?.toUpperCase()}${p.itemNoun.slice(1)} ${n}`}
                </label>
                <Textfield
                  id={id}
                  value={item.text}
                  placeholder={p.placeholder}
                  isInvalid={Boolean(error)}
                  aria-describedby={describedBy(id, false, error)}
                  onChange={(e) => update(index, (e.target as HTMLInputElement).value)}
                  onBlur={() => p.onBlur(path)}
                  testId={`${p.name}-input-${index}`}
                />
                <FieldMessages id={id} error={error} />
              </div>
              <div className="row">
                {p.orderable && (
                  <>
                    <Button
                      id={`${id}-up`}
                      spacing="compact"
                      appearance="subtle"
                      isDisabled={index === 0}
                      aria-label={`Move ${p.itemNoun} ${n} up`}
                      onClick={() => move(index, -1)}
                      testId={`${p.name}-up-${index}`}
                    >
                      Up
                    </Button>
                    <Button
                      id={`${id}-down`}
                      spacing="compact"
                      appearance="subtle"
                      isDisabled={index === p.items.length - 1}
                      aria-label={`Move ${p.itemNoun} ${n} down`}
                      onClick={() => move(index, 1)}
                      testId={`${p.name}-down-${index}`}
                    >
                      Down
                    </Button>
                  </>
                )}
                <Button spacing="compact" appearance="subtle" aria-label={`Remove ${p.itemNoun} ${n}`} onClick={() => remove(index)} testId={`${p.name}-remove-${index}`}>
                  Remove
                </Button>
              </div>
            </div>
          );
        })}
      </div>
      {listError && <FieldMessages id={p.name} error={listError} />}
      <div style={{ marginTop: 8 }}>
        <Button id={`${p.name}-add`} onClick={add} isDisabled={p.items.length >= p.max} testId={`${p.name}-add`}>
          {p.addLabel}
        </Button>
        {p.items.length >= p.max && <span className="helper"> At most {p.max}.</span>}
      </div>
    </fieldset>
  );
}
