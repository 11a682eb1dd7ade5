/**
 * Text a CS person pastes somewhere else (L1 look-up, L2 steps, the L3 label), with a "Copy" button.
 * The clipboard can be refused (permissions, an iframe without clipboard-write): then the text is
 * selected so Ctrl+C / Cmd+C copies it, and the button says so.
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';

type CopyState = 'idle' | 'copied' | 'selected';

function selectContents(el: HTMLElement): void {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

export function CopyText({
  text,
  label,
  testId,
  inline = false,
}: {
  text: string;
  /** What is copied, for the button's accessible name: "Copy L2 reproduction steps". */
  label: string;
  testId: string;
  inline?: boolean;
}) {
  const [state, setState] = useState<CopyState>('idle');
  const textRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      if (textRef.current) selectContents(textRef.current);
      setState('selected');
    }
  };

  const body = inline ? (
    <code className="copy-code" ref={(el) => (textRef.current = el)} data-testid={`${testId}-text`}>
      {text}
    </code>
  ) : (
    <p className="copy-text" ref={(el) => (textRef.current = el)} data-testid={`${testId}-text`}>
      {text}
    </p>
  );

  return (
    <div className={inline ? 'copy copy-inline' : 'copy'} data-testid={testId}>
      {body}
      <Button appearance="default" spacing="compact" onClick={() => void copy()} aria-label={label} testId={`${testId}-button`}>
        Copy
      </Button>
      <span role="status" aria-live="polite" className="copy-status" data-testid={`${testId}-status`}>
        {state === 'copied' && '✓ Copied'}
        {state === 'selected' && 'Copying was blocked: the text is selected, press Ctrl+C (⌘C on a Mac).'}
      </span>
    </div>
  );
}
