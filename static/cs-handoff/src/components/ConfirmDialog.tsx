/**
 * A confirmation in Atlaskit's modal dialog: shown over the page wherever the person has scrolled, focus
 * kept inside while open and given back to what opened it. Loaded on first use (modal code is not needed
 * to read a handoff).
 */
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  testId: string;
}

export default function ConfirmDialog({ open, title, body, confirmLabel, cancelLabel, onConfirm, onCancel, testId }: ConfirmDialogProps) {
  return (
    <ModalTransition>
      {open && (
        <Modal onClose={onCancel} testId={testId} width="small" label={title}>
          <ModalHeader>
            <ModalTitle appearance="warning">{title}</ModalTitle>
          </ModalHeader>
          <ModalBody>
            <p>{body}</p>
          </ModalBody>
          <ModalFooter>
            <Button appearance="subtle" onClick={onCancel} testId={`${testId}-keep`}>
              {cancelLabel}
            </Button>
            <Button appearance="warning" onClick={onConfirm} testId={`${testId}-discard`} autoFocus>
              {confirmLabel}
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </ModalTransition>
  );
}
