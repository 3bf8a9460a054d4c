import { PROJECT_READER_ROLES, PROJECT_WRITER_ROLES } from '../../../../shared/contracts/projects';
import { useMe } from '../../../hooks/use-me';

/** Whether the logged-in role reads project lists, and whether it records and moves projects (the API's scopes still decide which). */
export function useProjectRole(): { canRead: boolean; canWrite: boolean } {
  const me = useMe();
  const role = me.data?.user.role;
  return {
    canRead: role !== undefined && PROJECT_READER_ROLES.some((r) => r === role),
    canWrite: role !== undefined && PROJECT_WRITER_ROLES.some((r) => r === role),
  };
}
