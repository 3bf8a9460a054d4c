import { calendarYearResponse, type CalendarYearResponse, type PutCalendarYearRequest } from '../../../../shared/contracts/calendar';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Enters (or replaces) a year's holidays and make-up days; the deadlines count with them at once. */
export function putCalendarYear(input: { year: number; body: PutCalendarYearRequest }): Promise<CalendarYearResponse> {
  return apiRequest(`/api/calendar/years/${input.year}`, { method: 'PUT', body: input.body, schema: calendarYearResponse });
}

export function usePutCalendarYear() {
  return useApiMutation(putCalendarYear, ['calendar'], FORM_DIALOG_META);
}
