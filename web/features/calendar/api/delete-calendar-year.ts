import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Deletes what was entered for a year (the dataset's days, if any, apply again). */
export function deleteCalendarYear(year: number) {
  return apiRequest(`/api/calendar/years/${year}`, { method: 'DELETE', schema: okResponse });
}

export function useDeleteCalendarYear() {
  return useApiMutation(deleteCalendarYear, ['calendar']);
}
