import { useQuery } from '@tanstack/react-query';
import { calendarCoverageResponse, type CalendarCoverageResponse } from '../../../../shared/contracts/calendar';
import { apiRequest } from '../../../lib/api-client';

/** Which years the working-day calendar holds (the pages warn when this or next year is missing). */
export function getCalendarCoverage(signal?: AbortSignal): Promise<CalendarCoverageResponse> {
  return apiRequest('/api/calendar/coverage', { schema: calendarCoverageResponse, signal });
}

export function useCalendarCoverage() {
  return useQuery({ queryKey: ['calendar', 'coverage'], queryFn: ({ signal }) => getCalendarCoverage(signal), staleTime: Infinity });
}
