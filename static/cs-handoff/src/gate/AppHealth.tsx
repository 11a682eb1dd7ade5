/**
 * What CS Handoff's own Jira user cannot do in this project that the release gate needs, shown before it
 * matters (on the overview and in settings), so a project admin can fix it with a Jira admin.
 */
import { SectionMessage } from '../components/LazySectionMessage';

export function AppHealth({ lines }: { lines: readonly string[] | undefined }) {
  if (!lines || lines.length === 0) return null;
  return (
    <div data-testid="app-health">
      <SectionMessage appearance="warning" title="The release gate cannot do its job here">
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </SectionMessage>
    </div>
  );
}
