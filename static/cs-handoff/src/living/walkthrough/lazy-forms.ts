/**
 * The walkthrough's forms, loaded when one first opens: their controls (Atlaskit select, text area, date
 * and time pickers, people picker) stay out of the handoff page's first render. Render them inside a
 * Suspense boundary.
 */
import { lazy } from 'react';
import type { PromoteForm as PromoteFormType } from './PromoteForm';
import type { RecordForm as RecordFormType } from './RecordForm';
import type { SettleForm as SettleFormType } from './SettleForm';

// The casts keep each form's own props (SettleForm's is generic, which React.lazy would erase).
export const SettleForm = lazy(() => import('./SettleForm').then((m) => ({ default: m.SettleForm }))) as unknown as typeof SettleFormType;
export const PromoteForm = lazy(() => import('./PromoteForm').then((m) => ({ default: m.PromoteForm }))) as unknown as typeof PromoteFormType;
export const RecordForm = lazy(() => import('./RecordForm').then((m) => ({ default: m.RecordForm }))) as unknown as typeof RecordFormType;
