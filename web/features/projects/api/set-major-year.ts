import type { SetMajorYearRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** The project's annual plan (元) on a year's major-project list (`key` is the year). */
export const useSetMajorYear = () => useProjectWrite<SetMajorYearRequest>('PUT', ':id/major/:key');
