import { projectWarningsQuery, projectWarningsResponse } from '../../../../shared/contracts/projects';
import { defineApiQuery } from '../../../lib/api-query';

/** 三未 and 重复签约 warnings of the projects in scope. */
const warnings = defineApiQuery('/api/projects/warnings', projectWarningsQuery, projectWarningsResponse);
export const useProjectWarnings = warnings.useApiQuery;
