/**
 * "Export": the handoff as Markdown or as Confluence storage format (built by the backend's
 * exportHandoff), copied to the clipboard or downloaded as a file. When the clipboard is refused
 * (permissions, an iframe without clipboard-write), the text is shown selected in a read-only box so
 * Ctrl+C / ⌘C copies it. Loaded lazily, when someone opens the Export panel.
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { ResolverError } from '#contract';
import { api, type ExportFormat, type HandoffExport } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';

type Action = { format: ExportFormat; mode: 'copy' | 'download'; label: string; testId: string };

const ACTIONS: Action[] = [
  { format: 'markdown', mode: 'copy', label: 'Copy as Markdown', testId: 'export-copy-markdown' },
  { format: 'markdown', mode: 'download', label: 'Download Markdown (.md)', testId: 'export-download-markdown' },
  { format: 'confluence', mode: 'copy', label: 'Copy as Confluence storage format', testId: 'export-copy-confluence' },
  { format: 'confluence', mode: 'download', label: 'Download Confluence storage format', testId: 'export-download-confluence' },
];

const FORMAT_NAME: Record<ExportFormat, string> = { markdown: 'Markdown', confluence: 'Confluence storage format' };

/** Saves `file` through a Blob URL and an <a download> (the Custom UI iframe is sandboxed with allow-downloads). */
export function downloadFile(file: HandoffExport): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the click; free the URL a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function ExportPanel({ versionId, revision }: { versionId: string; revision: number | null }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ResolverError | null>(null);
  const [fallback, setFallback] = useState<{ format: ExportFormat; text: string } | null>(null);
  const boxRef = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    if (!fallback) return;
    requestAnimationFrame(() => {
      boxRef.current?.focus();
      boxRef.current?.select();
    });
  }, [fallback]);

  const run = async (action: Action) => {
    setBusy(action.testId);
    setStatus('');
    setError(null);
    setFallback(null);
    const res = await api.exportHandoff(versionId, action.format);
    setBusy(null);
    if (!res.ok) return setError(res.error);
    const file = res.value;
    if (action.mode === 'download') {
      try {
        downloadFile(file);
        setStatus(`✓ Downloaded ${file.filename}`);
      } catch {
        setFallback({ format: action.format, text: file.text });
        setStatus("The download didn't start: the text is selected below, press Ctrl+C (⌘C on a Mac) to copy it.");
      }
      return;
    }
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(file.text);
      setStatus(`✓ Copied as ${FORMAT_NAME[action.format]}`);
    } catch {
      setFallback({ format: action.format, text: file.text });
      setStatus('Copying was blocked: the text is selected below, press Ctrl+C (⌘C on a Mac).');
    }
  };

  return (
    <div className="export-panel stack-sm" data-testid="export-panel">
      <p className="muted">A snapshot{revision ? ` of revision ${revision}` : ''} to paste into Confluence, a help-desk macro or an e-mail. It links back here for the latest version.</p>
      <div className="row" role="group" aria-label="Export the handoff">
        {ACTIONS.map((a) => (
          <Button
            key={a.testId}
            appearance={a.testId === 'export-copy-markdown' ? 'primary' : 'default'}
            onClick={() => void run(a)}
            isDisabled={busy !== null}
            isLoading={busy === a.testId}
            testId={a.testId}
          >
            {a.label}
          </Button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="copy-status export-status" data-testid="export-status">
        {status}
      </p>
      {error && <ErrorMessage error={error} testId="export-error" />}
      {fallback && (
        <div>
          <label className="field-label" htmlFor="export-fallback">
            {FORMAT_NAME[fallback.format]} (read-only, selected)
          </label>
          <textarea id="export-fallback" ref={boxRef} className="export-fallback" readOnly value={fallback.text} rows={10} data-testid="export-fallback" />
        </div>
      )}
    </div>
  );
}
