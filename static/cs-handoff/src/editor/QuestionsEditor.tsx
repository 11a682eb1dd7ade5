/** Likely questions: question + answer pairs, add / remove. */
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { newId, type QaItem } from '../editor-model';
import { describedBy, FieldMessages } from './Field';
import { focusSoon } from './focus';

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
  const listError = visible('questions') ? errors.questions : undefined;

  return (
    <fieldset data-testid="questions-editor">
      <legend className="visually-hidden">Likely questions and answers</legend>
      <div className="helper">
        The three or four questions you can predict, e.g. "How do I turn this off?" with the answer CS should give.
      </div>
      <div className="stack-sm" style={{ marginTop: 8 }}>
        {items.map((q, index) => {
          const qid = `q-${q.id}`;
          const aid = `a-${q.id}`;
          const qErr = visible(`questions.${index}.question`) ? errors[`questions.${index}.question`] : undefined;
          const aErr = visible(`questions.${index}.answer`) ? errors[`questions.${index}.answer`] : undefined;
          const n = index + 1;
          return (
            <div key={q.id} className="qa-item stack-sm" data-testid="questions-item">
              <div>
                <label className="field-label" htmlFor={qid}>
                  Question {n}
                </label>
                <Textfield
                  id={qid}
                  value={q.question}
                  isInvalid={Boolean(qErr)}
                  aria-describedby={describedBy(qid, false, qErr)}
                  onChange={(e) => update(index, { question: (e.target as HTMLInputElement).value })}
                  onBlur={() => onBlur(`questions.${index}.question`)}
                  testId={`questions-question-${index}`}
                />
                <FieldMessages id={qid} error={qErr} />
              </div>
              <div>
                <label className="field-label" htmlFor={aid}>
                  Answer {n}
                </label>
                <TextArea
                  id={aid}
                  value={q.answer}
                  minimumRows={2}
                  resize="vertical"
                  isInvalid={Boolean(aErr)}
                  aria-describedby={describedBy(aid, false, aErr)}
                  onChange={(e) => update(index, { answer: e.target.value })}
                  onBlur={() => onBlur(`questions.${index}.answer`)}
                  testId={`questions-answer-${index}`}
                />
                <FieldMessages id={aid} error={aErr} />
              </div>
              <div>
                <Button
                  spacing="compact"
                  appearance="subtle"
                  aria-label={`Remove question ${n}`}
                  onClick={() => remove(index)}
                  testId={`questions-remove-${index}`}
                >
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
