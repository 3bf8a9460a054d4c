import { useMutation, useQueryClient } from '@tanstack/react-query';
import { putFigureResponse, type PutFigureRequest, type PutFigureResponse } from '../../../../shared/contracts/figures';
import { apiRequest } from '../../../lib/api-client';
import { INLINE_ERROR_META } from '../../../lib/errors';

export type SaveFigureInput = { uscc: string; period: string; body: PutFigureRequest };

/** Enters or corrects one month (the whole month); warnings come back unsaved until `acceptWarnings`. */
export function saveFigure(input: SaveFigureInput): Promise<PutFigureResponse> {
  return apiRequest(`/api/figures/${encodeURIComponent(input.uscc)}/${input.period}`, {
    method: 'PUT',
    body: input.body,
    schema: putFigureResponse,
  });
}

export function useSaveFigure() {
  const queryClient = useQueryClient();
  return useMutation({
    // The screen shows the error itself (a form alert, the import panel).
    meta: INLINE_ERROR_META,
    mutationFn: saveFigure,
    onSuccess: (result, input) => {
      if (result.outcome === 'created' || result.outcome === 'updated') void queryClient.invalidateQueries({ queryKey: ['figures'] });
      else if (result.outcome === 'unchanged')
        void queryClient.invalidateQueries({ queryKey: ['figures', 'revisions', input.uscc, input.period] });
    },
  });
}
