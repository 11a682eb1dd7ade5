/**
 * The handoff editor (loaded lazily; readers never download it). One section per part of the brief,
 * inline validation from the domain schema as people type and leave fields, Save and Cancel.
 */
import './zod-setup';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Textfield from '@atlaskit/textfield';
import { LIMITS } from '#domain/handoff';
import type { EditorModel } from '../editor-model';
import { describedBy, Field, errorId, TextAreaField } from './Field';
import { focusSoon } from '../focus';
import { QuestionsEditor } from './QuestionsEditor';
import { TextListEditor } from './TextListEditor';
import { validate, fromServerFields } from './validation';
import { ESCALATION_TITLES, SECTION_TITLES } from '#domain/section-titles';

export interface HandoffEditorProps {
  model: EditorModel;
  saving: boolean;
  /** Field errors the backend returned for the last save. */
  serverFields?: Record<string, string>;
  onChange(model: EditorModel): void;
  onSave(): void;
  onCancel(): void;
}

/** Maps a schema path to the id of the control that shows it, to focus the first problem on save. */
function controlId(model: EditorModel, path: string): string {
  const [head, index, leaf] = path.split('.');
  const i = Number(index);
  if (head === 'happyPath' && model.happyPath[i]) return `happyPath-${model.happyPath[i].id}`;
  if (head === 'limitations' && model.limitations[i]) return `limitations-${model.limitations[i].id}`;
  if (head === 'questions' && model.questions[i]) return `${leaf === 'answer' ? 'a' : 'q'}-${model.questions[i].id}`;
  if (head === 'escalation') return index === 'l2Reproduce' ? 'f-l2' : 'f-l1';
  if (head === 'dashboardUrl') return 'f-dashboard';
  if (head === 'whatsNew') return 'f-whatsNew';
  return `${head}-add`;
}

/** One part of the brief: a section titled by a small heading it is labelled by. */
function EditorSection({ id, title, className = 'editor-section', children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section className={className} aria-labelledby={id}>
      <Heading size="small" as="h3" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export default function HandoffEditor({ model, saving, serverFields, onChange, onSave, onCancel }: HandoffEditorProps) {
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  // Opening the editor is a request to write: the first field takes focus (not the page body).
  useEffect(() => focusSoon('f-whatsNew'), []);
  const errors = useMemo(() => ({ ...fromServerFields(serverFields), ...validate(model) }), [model, serverFields]);
  // Length errors show while typing; format errors (the link) once the person leaves the field.
  const visible = (path: string) => submitted || touched.has(path) || Boolean(errors[path]?.includes('at most')) || Boolean(serverFields && `content.${path}` in serverFields);
  const touch = (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  const err = (path: string) => (visible(path) ? errors[path] : undefined);
  const set = <K extends keyof EditorModel>(key: K, value: EditorModel[K]) => onChange({ ...model, [key]: value });

  const limitationsWritten = model.limitations.some((l) => l.text.trim() !== '');

  const save = (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitted(true);
    const first = Object.keys(errors)[0];
    if (first) {
      focusSoon(controlId(model, first));
      return;
    }
    onSave();
  };

  const urlErr = err('dashboardUrl');
  const problemCount = submitted ? Object.keys(errors).length : 0;

  return (
    <form className="editor" aria-labelledby="editor-title" onSubmit={save} noValidate data-testid="handoff-editor">
      <Heading size="medium" as="h2" id="editor-title">
        Edit handoff
      </Heading>
      <p className="muted">Write it for CS, in their words. Empty list entries are left out when you save.</p>

      <EditorSection id="ed-whats-new" title={SECTION_TITLES.whatsNew}>
        <TextAreaField
          id="f-whatsNew"
          label={SECTION_TITLES.whatsNew}
          hideLabel
          helper={`One paragraph in CS language, not engineering language. ${model.whatsNew.trim().length}/${LIMITS.whatsNew}`}
          error={err('whatsNew')}
          value={model.whatsNew}
          minimumRows={4}
          onChange={(value) => set('whatsNew', value)}
          onBlur={() => touch('whatsNew')}
          testId="field-whatsNew"
        />
      </EditorSection>

      <EditorSection id="ed-happy-path" title={SECTION_TITLES.happyPath}>
        <TextListEditor
          name="happyPath"
          itemNoun="step"
          legend="Happy path steps"
          helper='Step by step, as a customer does it: "Gal opens the exam, clicks Grade, the new shortcut moves to the next exam."'
          addLabel="Add step"
          items={model.happyPath}
          max={LIMITS.steps}
          orderable
          errors={errors}
          visible={visible}
          onChange={(items) => set('happyPath', items)}
          onBlur={touch}
        />
      </EditorSection>

      <EditorSection id="ed-limitations" title={SECTION_TITLES.limitations}>
        <TextListEditor
          name="limitations"
          itemNoun="limitation"
          legend={SECTION_TITLES.limitations}
          helper='What is not in this release, named: "Not yet available in Hebrew."'
          addLabel="Add limitation"
          items={model.limitations}
          max={LIMITS.limitations}
          orderable={false}
          errors={errors}
          visible={visible}
          onChange={(items) => onChange({ ...model, limitations: items, noKnownLimitations: items.some((i) => i.text.trim()) ? false : model.noKnownLimitations })}
          onBlur={touch}
        />
        <div style={{ marginTop: 8 }}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={model.noKnownLimitations && !limitationsWritten}
              disabled={limitationsWritten}
              aria-describedby="none-known-helper"
              onChange={(e) => set('noKnownLimitations', e.target.checked)}
              data-testid="field-noKnownLimitations"
            />
            None known
          </label>
          <div className="helper" id="none-known-helper">
            {limitationsWritten ? 'Remove the limitations above to say none are known.' : 'Tick this only when you have checked: there are no known limitations.'}
          </div>
        </div>
      </EditorSection>

      <EditorSection id="ed-questions" title={SECTION_TITLES.questions}>
        <QuestionsEditor items={model.questions} max={LIMITS.questions} errors={errors} visible={visible} onChange={(items) => set('questions', items)} onBlur={touch} />
      </EditorSection>

      <EditorSection id="ed-escalation" title={SECTION_TITLES.escalation} className="editor-section stack">
        <TextAreaField
          id="f-l1"
          label={ESCALATION_TITLES.l1}
          helper="Where an L1 agent finds the answer."
          error={err('escalation.l1LookUp')}
          value={model.l1LookUp}
          minimumRows={2}
          onChange={(value) => set('l1LookUp', value)}
          onBlur={() => touch('escalation.l1LookUp')}
          testId="field-l1"
        />
        <TextAreaField
          id="f-l2"
          label={ESCALATION_TITLES.l2}
          helper="The steps an L2 agent follows to see the problem."
          error={err('escalation.l2Reproduce')}
          value={model.l2Reproduce}
          minimumRows={2}
          onChange={(value) => set('l2Reproduce', value)}
          onBlur={() => touch('escalation.l2Reproduce')}
          testId="field-l2"
        />
        <p className="helper">L3: agents file a Jira bug with the chain-aware label from the handoff page.</p>
      </EditorSection>

      <EditorSection id="ed-dashboard" title={SECTION_TITLES.dashboard}>
        <Field id="f-dashboard" label={SECTION_TITLES.dashboard} hideLabel helper="The leading-signals dashboard CS can read (https://…)." error={urlErr}>
          <Textfield
            id="f-dashboard"
            type="url"
            inputMode="url"
            value={model.dashboardUrl}
            placeholder="https://"
            isInvalid={Boolean(urlErr)}
            aria-describedby={describedBy('f-dashboard', true, urlErr)}
            onChange={(e) => set('dashboardUrl', (e.target as HTMLInputElement).value)}
            onBlur={() => touch('dashboardUrl')}
            testId="field-dashboardUrl"
          />
        </Field>
      </EditorSection>

      <div className="editor-actions">
        <Button appearance="primary" type="submit" isDisabled={saving} testId="editor-save">
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving} testId="editor-cancel">
          Cancel
        </Button>
        <span role="status" className="field-error-summary" aria-live="polite">
          {problemCount > 0 && (
            <span className="field-error" id={errorId('editor-summary')}>
              {problemCount === 1 ? '1 field needs attention.' : `${problemCount} fields need attention.`}
            </span>
          )}
        </span>
      </div>
    </form>
  );
}
