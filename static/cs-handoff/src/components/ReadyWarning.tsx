import { SectionMessage } from './TokenSectionMessage';

/** "Mark ready" is never silently disabled: this names exactly what the handoff still needs. */
export function ReadyWarning({ missing }: { missing: string[] }) {
  return (
    <div role="alert" data-testid="ready-warning">
      <SectionMessage appearance="warning" title="This handoff can't be marked ready yet">
        <p>CS needs these parts before the handoff is ready:</p>
        <ul>
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </SectionMessage>
    </div>
  );
}
