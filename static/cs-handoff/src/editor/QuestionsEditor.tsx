/** Likely questions: question + answer pairs, add / remove. */
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { newId, type QaItem } from '../editor-model';
import { describedBy, Field, FieldMessages, TextAreaField } from './Field';
import { focusSoon } from '../focus';

interface Props {
  items: QaItem[];
  max: number;
  errors: Record<string, string>;
  visible: (path: string) => boolean;
  onChange(items: QaItem[]): void;
  onBlur(path: string): void;
}

export function QuestionsEditor({ items, max, errors, visible, onChange, onBlur }: Props) {
  const update = (index: number, patch: Partial<QaItem>) => onChange(items.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const add = () => {
    const item = { id: newId(), question: '', answer: '' };
    onChange([...items, item]);
    focusSoon(`q-${item.id}`);
  };
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    focusSoon(...(neighbour ? [`q-${neighbour.id}`] : []), 'questions-add');
  };
  const errorAt = (path: string) => (visible(path) ? errors[path] : undefined);
  const listError = errorAt('questions');

  return (
    <fieldset data-testid="questions-editor">
      <legend className="visually-hidden">Likely questions and answers</legend>
      <div className="helper">The three or four questions you can predict, e.g. "How do I turn this off?" with the answer CS should give.</div>
      <div className="stack-sm" style={{ marginTop: 8 }}>
        {items.map((q, index) => {
          const qid = `q-${q.id}`;
          const qPath = `questions.${index}.question`;
          const aPath = `questions.${index}.answer`;
          const qErr = errorAt(qPath);
          const n = index + 1;
          return (
            <div key={q.id} className="qa-item stack-sm" data-testid="questions-item">
              <Field id={qid} label={`Question ${n}`} error={qErr}>
                <Textfield
                  id={qid}
                  value={q.question}
                  isInvalid={Boolean(qErr)}
                  aria-describedby={describedBy(qid, false, qErr)}
                  onChange={(e) => update(index, { question: (e.target as HTMLInputElement).value })}
                  onBlur={() => onBlur(qPath)}
                  testId={`questions-question-${index}`}
                />
              </Field>
              <TextAreaField
                id={`a-${q.id}`}
                label={`Answer ${n}`}
                error={errorAt(aPath)}
                value={q.answer}
                minimumRows={2}
                onChange={(answer) => update(index, { answer })}
                onBlur={() => onBlur(aPath)}
                testId={`questions-answer-${index}`}
              />
              <div>
                <Button spacing="compact" appearance="subtle" aria-label={`Remove question ${n}`} onClick={() => remove(index)} testId={`questions-remove-${index}`}>
                  Remove
                </Button>
              </div>
            </div>
          );
        })}
      </div>
      {listError && <FieldMessages id="questions" error={listError} />}
      <div style={{ marginTop: 8 }}>
        <Button id="questions-add" onClick={add} isDisabled={items.length >= max} testId="questions-add">
          Add question
        </Button>
        {items.length >= max && <span className="helper"> At most {max}.</span>}
      </div>
    </fieldset>
  );
}
