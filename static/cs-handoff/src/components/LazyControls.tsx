/**
 * Atlaskit form controls for forms that open on demand (the walkthrough's and the rollout's), loaded when
 * a control is first rendered: the date and time pickers (with their calendar and date-fns, ~28 KB
 * gzip), the text field and the text area. The handoff page shows none of them at rest. Render them
 * inside a Suspense boundary around the whole form, so the form mounts complete once the code is there
 * (its focus-on-open finds the fields). Refs pass through to the loaded component.
 */
import { lazy } from 'react';
import type { DatePicker as DatePickerType, TimePicker as TimePickerType } from '@atlaskit/datetime-picker';
import type TextAreaType from '@atlaskit/textarea';
import type TextfieldType from '@atlaskit/textfield';

const pickers = () => import('@atlaskit/datetime-picker');
export const DatePicker = lazy(() => pickers().then((m) => ({ default: m.DatePicker }))) as unknown as typeof DatePickerType;
export const TimePicker = lazy(() => pickers().then((m) => ({ default: m.TimePicker }))) as unknown as typeof TimePickerType;
export const TextArea = lazy(() => import('@atlaskit/textarea')) as unknown as typeof TextAreaType;
export const Textfield = lazy(() => import('@atlaskit/textfield')) as unknown as typeof TextfieldType;
