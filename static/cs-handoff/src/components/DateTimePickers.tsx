/**
 * Atlaskit's DatePicker and TimePicker (with their calendar and date-fns, ~28 KB gzip), loaded when a
 * picker is first rendered: the walkthrough shows them only in its form. Render them inside a Suspense
 * boundary around the whole form, so the form mounts complete (its focus-on-open finds the fields).
 */
import { lazy } from 'react';
import type { DatePicker as DatePickerType, TimePicker as TimePickerType } from '@atlaskit/datetime-picker';

const load = () => import('@atlaskit/datetime-picker');
export const DatePicker = lazy(() => load().then((m) => ({ default: m.DatePicker }))) as unknown as typeof DatePickerType;
export const TimePicker = lazy(() => load().then((m) => ({ default: m.TimePicker }))) as unknown as typeof TimePickerType;
