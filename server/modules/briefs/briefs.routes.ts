import {
  brief,
  briefActionRequest,
  briefExportParams,
  briefParams,
  briefsQuery,
  briefsResponse,
  briefTemplatesResponse,
  generateBriefRequest,
  updateBriefRequest,
  updateBriefTemplatesRequest,
  BRIEF_ROLES,
} from '../../../shared/contracts/briefs.js';
import { actorOf } from '../../lib/http.js';
import { ADMIN, API_ERRORS_422, keyedRoutes, routePlugin } from '../../lib/routes.js';
import { contentDisposition } from '../../lib/uploads.js';
import { exportBrief } from './briefs.export.js';
import { actOnBrief, generateBrief, getBrief, listBriefs, listBriefVersions, updateBrief } from './briefs.service.js';
import { getBriefTemplates, updateBriefTemplates } from './briefs.templates.js';

/** The monthly chain briefs (产业链运行月报): generation, the workflow, exports, the sentence templates. */
export const briefsRoutes = routePlugin(
  'briefs',
  (routes, { db }, app) => {
    routes.get('/', { policy: BRIEF_ROLES, query: briefsQuery, response: briefsResponse }, ({ actor, query }) =>
      listBriefs(db, actor, query),
    );
    routes.post('/', { policy: BRIEF_ROLES, body: generateBriefRequest, response: brief, status: 201 }, ({ actor, body }) =>
      generateBrief(db, actor, body),
    );
    routes.get('/templates', { policy: BRIEF_ROLES, response: briefTemplatesResponse }, () => getBriefTemplates(db));
    routes.put('/templates', { policy: ADMIN, body: updateBriefTemplatesRequest, response: briefTemplatesResponse }, ({ actor, body }) =>
      updateBriefTemplates(db, actor, body),
    );
    const one = keyedRoutes(routes, db, briefParams);
    one.get('/:id', { policy: BRIEF_ROLES, response: brief }, getBrief);
    one.patch('/:id', { policy: BRIEF_ROLES, body: updateBriefRequest, response: brief }, updateBrief);
    one.post('/:id/actions', { policy: BRIEF_ROLES, body: briefActionRequest, response: brief }, actOnBrief);
    one.get('/:id/versions', { policy: BRIEF_ROLES, response: briefsResponse }, listBriefVersions);
    app.get(
      '/:id/export/:format',
      {
        config: { policy: BRIEF_ROLES },
        schema: {
          tags: ['briefs'],
          summary: '导出月报 (docx, pdf, xlsx)',
          params: briefExportParams,
        },
      },
      async (request, reply) => {
        const file = await exportBrief(db, actorOf(request), request.params.id, request.params.format);
        return reply
          .type(file.mime)
          .header('content-disposition', contentDisposition(file.fileName, file.fallback))
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
  },
  { errors: API_ERRORS_422 },
);
