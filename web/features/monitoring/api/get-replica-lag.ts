import { z } from 'zod';
import { healthResponse } from '../../../../shared/contracts/health';
import { defineApiQuery } from '../../../lib/api-query';

/** `/api/health`: with a read replica, how far it is behind (the 驾驶舱 shows 数据同步延迟 when over the threshold). */
const health = defineApiQuery('/api/health', z.object({}), healthResponse);

export const useHealth = health.useApiQuery;
