import type { HandoffView } from '#contract';
import type { WalkthroughQuestion } from '../walkthrough-model';

/** What the settle and promote forms get: the question, its 1-based position, and where to go after. */
export interface QuestionFormProps {
  view: HandoffView;
  question: WalkthroughQuestion;
  position: number;
  onSaved(view: HandoffView): void;
  onCancel(): void;
}
