import { useQuery } from '@tanstack/react-query';
import { calendarYearResponse, type CalendarYearResponse } from '../../../../shared/contracts/calendar';
import { apiRequest } from '../../../lib/api-client';

/** One year's holidays (as ranges) and make-up working days. */
export function getCalendarYear(year: number, signal?: AbortSignal): Promise<CalendarYearResponse> {
  return apiRequest(`/api/calendar/years/${year}`, { schema: calendarYearResponse, signal });
}

export function useCalendarYear(year: number | null) {
  return useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: ({ signal }) => getCalendarYear(year ?? 0, signal),
    enabled: year !== null,
  });
}
