/**
 * "/settings" — the project's CS Handoff settings: the lead time (how many days before the release date a
 * handoff must be ready) and the walkthrough gate. Everyone who can browse the project reads them; only a
 * project admin changes them (the resolver checks that again with the caller's own permissions).
 */
import '../editor/zod-setup';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { AppHealth } from '../gate/AppHealth';
import Textfield from '@atlaskit/textfield';
import type { ProjectSettings, ProjectSettingsView, ResolverError } from '#contract';
import { LEAD_TIME_MAX, LEAD_TIME_MIN, LeadTimeDaysSchema } from '#domain/gate/rules';
import { api } from '../api';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { SuccessNotice } from '../components/SuccessNotice';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { describedBy, FieldMessages } from '../editor/Field';

const LEAD_ID = 'settings-lead-time';
const GATE_ID = 'settings-walkthrough-gate';

/** The lead time as typed → a whole number of days, or the backend schema's own message. */
export function leadTimeProblem(text: string): string | null {
  if (text.trim() === '') return `Enter the lead time: a whole number of days from ${LEAD_TIME_MIN} to ${LEAD_TIME_MAX}.`;
  const parsed = LeadTimeDaysSchema.safeParse(Number(text));
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Enter a whole number of days.');
}

export default function SettingsPage() {
  const [view, setView] = useState<ProjectSettingsView | null>(null);
  const [loadError, setLoadError] = useState<ResolverError | null>(null);
  const [leadTime, setLeadTime] = useState('');
  const [walkthroughGate, setWalkthroughGate] = useState(false);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<ResolverError | null>(null);
  const [notice, setNotice] = useState('');
  const leadRef = useRef<HTMLInputElement | null>(null);

  const show = (settings: ProjectSettings) => {
    setLeadTime(String(settings.leadTimeDays));
    setWalkthroughGate(settings.walkthroughGate);
  };

  useEffect(() => {
    let live = true;
    void api.getSettings().then((res) => {
      if (!live) return;
      if (!res.ok) return setLoadError(res.error);
      setView(res.value);
      show(res.value.settings);
    });
    return () => {
      live = false;
    };
  }, []);

  const problem = leadTimeProblem(leadTime);
  const serverProblem = saveError?.fields?.['leadTimeDays'];
  const leadError = (touched && problem) || serverProblem || undefined;
  const changed = view !== null && (leadTime.trim() !== String(view.settings.leadTimeDays) || walkthroughGate !== view.settings.walkthroughGate);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setNotice('');
    if (problem) {
      leadRef.current?.focus();
      return;
    }
    setBusy(true);
    setSaveError(null);
    const res = await api.saveSettings({ leadTimeDays: Number(leadTime), walkthroughGate });
    setBusy(false);
    if (!res.ok) {
      setSaveError(res.error);
      return;
    }
    setView(res.value);
    show(res.value.settings);
    setTouched(false);
    setNotice(`Settings saved. A handoff is now late when it becomes ready less than ${days(res.value.settings.leadTimeDays)} before the release date.`);
  };

  const reset = () => {
    if (!view) return;
    show(view.settings);
    setTouched(false);
    setSaveError(null);
    setNotice('');
  };

  const header = (
    <>
      <Breadcrumbs current="Settings" />
      <Heading size="large" as="h1" id="page-title">
        Settings
      </Heading>
      <p className="muted">How CS Handoff judges the releases of this project.</p>
      <AppHealth lines={view?.appHealth} />
    </>
  );

  if (loadError) {
    return (
      <div className="stack" data-testid="settings-page">
        {header}
        <ErrorMessage error={loadError} />
      </div>
    );
  }
  if (!view) return <Loading label="Loading settings" />;

  if (!view.canAdminister) {
    return (
      <div className="stack" data-testid="settings-page">
        {header}
        <div data-testid="settings-read-only">
          <SectionMessage appearance="information">
            <p>Only a project admin can change these.</p>
          </SectionMessage>
        </div>
        <dl className="settings-values">
          <div>
            <dt>Lead time</dt>
            <dd data-testid="settings-lead-time-value">{days(view.settings.leadTimeDays)} before the release date</dd>
          </div>
          <div>
            <dt>Walkthrough gate</dt>
            <dd data-testid="settings-walkthrough-gate-value">{view.settings.walkthroughGate ? 'On' : 'Off'}</dd>
            <dd className="helper">{GATE_EXPLANATION}</dd>
          </div>
        </dl>
      </div>
    );
  }

  return (
    <div className="stack" data-testid="settings-page">
      {header}
      <SuccessNotice notice={notice} testId="settings-notice" />
      {saveError && <ErrorMessage error={saveError} testId="settings-error" />}
      <form className="settings-form stack" onSubmit={(e) => void submit(e)} noValidate data-testid="settings-form" aria-label="Project settings">
        <div className="settings-field">
          <label className="field-label" htmlFor={LEAD_ID}>
            Lead time (days)
          </label>
          <Textfield
            id={LEAD_ID}
            ref={leadRef}
            type="number"
            inputMode="numeric"
            min={LEAD_TIME_MIN}
            max={LEAD_TIME_MAX}
            step={1}
            width="small"
            value={leadTime}
            isInvalid={Boolean(leadError)}
            isRequired
            aria-describedby={describedBy(LEAD_ID, true, leadError)}
            onChange={(e) => {
              setLeadTime((e.target as HTMLInputElement).value);
              setTouched(true);
            }}
            onBlur={() => setTouched(true)}
            testId="settings-lead-time"
          />
          <FieldMessages
            id={LEAD_ID}
            helper={`${LEAD_TIME_MIN}–${LEAD_TIME_MAX} days. A handoff is late when it becomes ready less than this many days before the release date. Default: 7.`}
            error={leadError}
          />
        </div>
        <div className="settings-field">
          <label className="checkbox" htmlFor={GATE_ID}>
            <input
              id={GATE_ID}
              type="checkbox"
              checked={walkthroughGate}
              onChange={(e) => setWalkthroughGate(e.target.checked)}
              aria-describedby={`${GATE_ID}-helper`}
              data-testid="settings-walkthrough-gate"
            />
            <span className="checkbox-label">Walkthrough gate</span>
          </label>
          <div className="helper checkbox-helper" id={`${GATE_ID}-helper`}>
            {GATE_EXPLANATION}
          </div>
        </div>
        <div className="row">
          <Button type="submit" appearance="primary" isDisabled={busy} isLoading={busy} testId="settings-save">
            Save
          </Button>
          <Button appearance="subtle" onClick={reset} isDisabled={busy || !changed} testId="settings-reset">
            Undo changes
          </Button>
        </div>
      </form>
    </div>
  );
}

const GATE_EXPLANATION = 'When on, a release is also blocked until the CS walkthrough is held and every question raised there is settled.';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
