import { projectDetail, type UpdateProjectRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** Amounts (元), planned dates per stage, unit, person, notes. */
export const useUpdateProject = () => useProjectWrite<UpdateProjectRequest>('PATCH', ':id', projectDetail);
