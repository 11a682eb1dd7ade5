/**
 * Atlaskit's Lozenge and Heading as they render (same elements, same token CSS: see app.css
 * "Token look"), without their runtime: the overview shows dozens of lozenges before its first render,
 * and Atlaskit's Lozenge brings its motion, pressable and badge code along even when none of it is used.
 * The look is checked against the Atlaskit components by test/browser/token-look.test.ts.
 */
import type { ReactNode } from 'react';

/** Atlaskit's legacy appearance names, as the app uses them, and the colour each resolves to. */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'moved' | 'inprogress' | 'new';

const COLOR: Record<LozengeAppearance, string> = {
  default: 'neutral',
  success: 'success',
  removed: 'danger',
  moved: 'warning',
  inprogress: 'information',
  new: 'discovery',
};

export function Lozenge({ appearance = 'default', testId, children }: { appearance?: LozengeAppearance; testId?: string; children: ReactNode }) {
  return (
    <span data-testid={testId} className={`lozenge lozenge-${COLOR[appearance]}`}>
      <span data-testid={testId && `${testId}--content`} className="lozenge-content">
        <span data-testid={testId && `${testId}--text`} className="lozenge-text">
          {children}
        </span>
      </span>
    </span>
  );
}

type HeadingSize = 'xlarge' | 'large' | 'medium' | 'small' | 'xsmall';

export function Heading({ size, as, id, testId, children }: { size: HeadingSize; as: 'h1' | 'h2' | 'h3' | 'h4'; id?: string; testId?: string; children: ReactNode }) {
  const Tag = as;
  return (
    <Tag id={id} data-testid={testId} className={`heading heading-${size}`}>
      {children}
    </Tag>
  );
}
