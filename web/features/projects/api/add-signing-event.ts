import { signingEventItem, type AddSigningEventRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** Records a signing event (签约活动) of a project; the page, its support and the warnings load again. */
export const useAddSigningEvent = () => useProjectWrite<AddSigningEventRequest>('POST', ':id/signing-events', signingEventItem);
