/**
 * Atlaskit's SectionMessage as it renders at rest (same elements, icons and token CSS: see screens.css
 * "Token look: section message"), without its runtime. Atlaskit's brings a dismiss IconButton (tooltip,
 * popper, top layer) and a Heading built on the emotion-based primitives, ~30 KB gzip that the handoff
 * page would wait for to show a message nobody can dismiss. For messages with actions (a retry), see
 * LazySectionMessage, which loads the real one.
 */
import type { ComponentProps, ReactNode } from 'react';
import DiscoveryIcon from '@atlaskit/icon/core/status-discovery';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import InfoIcon from '@atlaskit/icon/core/status-information';
import SuccessIcon from '@atlaskit/icon/core/status-success';
import WarningIcon from '@atlaskit/icon/core/status-warning';

type Appearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

/** The icon and its colour per appearance, as Atlaskit's section message picks them. */
// The colours carry Atlaskit's fallbacks, as its section message passes them (the icon's type lists bare tokens).
type IconColor = ComponentProps<typeof InfoIcon>['color'];
const LOOK: Record<Appearance, { Icon: typeof InfoIcon; color: string }> = {
  information: { Icon: InfoIcon, color: 'var(--ds-icon-information, #357DE8)' },
  warning: { Icon: WarningIcon, color: 'var(--ds-icon-warning, #E06C00)' },
  error: { Icon: ErrorIcon, color: 'var(--ds-icon-danger, #C9372C)' },
  success: { Icon: SuccessIcon, color: 'var(--ds-icon-success, #6A9A23)' },
  discovery: { Icon: DiscoveryIcon, color: 'var(--ds-icon-discovery, #AF59E1)' },
};

export function SectionMessage({
  appearance = 'information',
  title,
  headingLevel = 'h2',
  testId,
  children,
}: {
  appearance?: Appearance;
  title?: ReactNode;
  headingLevel?: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  testId?: string;
  children?: ReactNode;
}) {
  const { Icon, color } = LOOK[appearance];
  const HeadingTag = headingLevel;
  return (
    <section data-testid={testId} className={`section-message section-message-${appearance}`}>
      <div className="section-message-row">
        <div className="section-message-icon">
          <Icon color={color as IconColor} spacing="spacious" label={appearance} />
        </div>
        <div className="section-message-body" data-testid={testId && `${testId}--content`}>
          {!!title && <HeadingTag className="heading heading-small">{title}</HeadingTag>}
          <div className="section-message-content">{children}</div>
        </div>
      </div>
    </section>
  );
}
