import { useQuery } from '@tanstack/react-query';
import { calendarYearsResponse, type CalendarYearsResponse } from '../../../../shared/contracts/calendar';
import { apiRequest } from '../../../lib/api-client';

/** Every year the working-day calendar holds, newest first, with its source (dataset or entered). */
export function getCalendarYears(signal?: AbortSignal): Promise<CalendarYearsResponse> {
  return apiRequest('/api/calendar/years', { schema: calendarYearsResponse, signal });
}

export function useCalendarYears() {
  return useQuery({ queryKey: ['calendar', 'years'], queryFn: ({ signal }) => getCalendarYears(signal) });
}
