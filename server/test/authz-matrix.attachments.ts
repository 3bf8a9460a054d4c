// The authorisation matrix rows of the attachments (files of tickets and projects) and of the
// working-day calendar's entered years; spread into AUTHZ_MATRIX (server/test/authz-matrix.ts).
// Each side has a pending ticket of its firm and a project of its chain, county and park linked to
// its firm; the "in" side is what each scoped account owns.
import type { Db } from '../db/client.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { uploadAttachment } from '../modules/attachments/attachments.service.js';
import { putCalendarYear } from '../modules/calendar/calendar.service.js';
import { fileTicket } from '../modules/tickets/tickets.service.js';
import type { AuthzFixture, Side } from './authz-fixture.js';
import { fixedGet, grid, OUT_OF_SCOPE_STATUS as OOS, type MatrixRequest, type MatrixRow } from './authz-matrix.js';
import { PDF_BYTES } from './factories/attachments.js';
import { multipartFile } from './factories/enterprises.js';
import { buildProject } from './factories/projects.js';

type Owners = Record<Side, { ticket: number; project: number }>;
const owners = new WeakMap<Db, Owners>();

/** A new pending ticket of the side's firm, filed by the system. */
async function ticketOf(fx: AuthzFixture, side: Side, title: string): Promise<number> {
  const filed = await fileTicket(
    fx.db,
    SYSTEM_ACTOR,
    { uscc: fx.firm[side].uscc, category: 'land', title, description: '矩阵测试' },
    '2025-06-10',
  );
  return filed.id;
}

/** The two sides' ticket and project, made once per fixture. */
async function ownersOf(fx: AuthzFixture): Promise<Owners> {
  const known = owners.get(fx.db);
  if (known) return known;
  const made: Partial<Owners> = {};
  for (const side of ['in', 'out'] as const) {
    const ticket = await ticketOf(fx, side, `附件矩阵问题${side}`);
    const project = await buildProject(
      fx.db,
      { name: `附件矩阵项目${side}`, chainCode: fx.chain[side], regionCode: fx.region[side], parkId: fx.park[side].id },
      {
        to: 'registered',
        on: '2024-01-05',
        skippedDates: { negotiating: '2024-01-03', signed: '2024-01-04' },
        enterpriseUscc: fx.firm[side].uscc,
      },
    );
    made[side] = { ticket, project: project.id };
  }
  const all = { in: made.in ?? { ticket: 0, project: 0 }, out: made.out ?? { ticket: 0, project: 0 } };
  owners.set(fx.db, all);
  return all;
}

/** A new PDF on a new ticket of the side's firm (a ticket holds 20 files), uploaded by the system (so only the admin may delete it). */
async function freshAttachment(fx: AuthzFixture, side: Side): Promise<number> {
  const ticket = await ticketOf(fx, side, `附件矩阵问题${fx.unique()}`);
  const item = await uploadAttachment(fx.db, SYSTEM_ACTOR, { ownerKind: 'ticket', ownerId: ticket }, async () => ({
    data: PDF_BYTES,
    fileName: `矩阵附件${fx.unique()}.pdf`,
  }));
  return item.id;
}

const upload = (url: string): MatrixRequest => {
  const body = multipartFile('矩阵上传.pdf', PDF_BYTES);
  return { url, payload: body.payload, headers: body.headers };
};

const CALENDAR_2096 = { notice: '矩阵测试', holidays: [{ name: '元旦', from: '2096-01-01', to: '2096-01-02' }], workdays: [] };

/** Rows of the attachments and the calendar's entered years. */
export function attachmentMatrixRows(): MatrixRow[] {
  // Built here, not at load: authz-matrix.ts (grid, OOS) imports this file.
  /** Who sees a side's pending ticket (unassigned: no department), and so its files. */
  const TICKET_VIEW = grid({ admin: 200, leader: 200, department: 404 }, [200, OOS]);
  /** Who sees a side's project (linked to the side's firm, so its enterprise too). */
  const PROJECT_VIEW = grid({ admin: 200, leader: 200, department: 404 }, [200, OOS]);
  const everyone = grid({}, 200);
  const ADMIN_ONLY = grid({ admin: 200 });
  const list = (kind: 'ticket' | 'project') => async (fx: AuthzFixture, side: Side) => ({
    url: `/api/attachments?ownerKind=${kind}&ownerId=${(await ownersOf(fx))[side][kind]}`,
  });
  // Parties of a ticket add files: the admin and 链办 (office), leaders and the 链长 (leader), the firm
  // itself; 园区 and 县市区 see it but are no party.
  const ticketUpload = grid({ admin: 201, leader: 201, department: 404, park: [403, OOS], county: [403, OOS] }, [201, OOS]);
  return [
    fixedGet('/api/calendar/years', everyone),
    fixedGet('/api/calendar/years/:year', everyone, '/api/calendar/years/2025'),
    {
      method: 'PUT',
      route: '/api/calendar/years/:year',
      request: () => ({ url: '/api/calendar/years/2096', payload: CALENDAR_2096 }),
      status: ADMIN_ONLY,
    },
    {
      method: 'DELETE',
      route: '/api/calendar/years/:year',
      request: async (fx) => {
        await putCalendarYear(fx.db, SYSTEM_ACTOR, 2097, {
          ...CALENDAR_2096,
          holidays: [{ name: '元旦', from: '2097-01-01', to: '2097-01-01' }],
        });
        return { url: '/api/calendar/years/2097' };
      },
      status: ADMIN_ONLY,
    },
    {
      method: 'GET',
      route: '/api/attachments',
      request: list('ticket'),
      status: TICKET_VIEW,
      probes: [{ name: "a project's files", request: list('project'), status: PROJECT_VIEW }],
    },
    {
      method: 'POST',
      route: '/api/attachments',
      request: async (fx, side) => upload(`/api/attachments?ownerKind=ticket&ownerId=${(await ownersOf(fx))[side].ticket}`),
      status: ticketUpload,
      probes: [
        {
          name: "a project's editors",
          request: async (fx, side) => upload(`/api/attachments?ownerKind=project&ownerId=${(await ownersOf(fx))[side].project}`),
          status: grid({ admin: 201, leader: 403, department: 404, enterprise: [403, OOS] }, [201, OOS]),
        },
      ],
    },
    {
      method: 'GET',
      route: '/api/attachments/:id/file',
      request: async (fx, side) => ({ url: `/api/attachments/${await freshAttachment(fx, side)}/file` }),
      status: TICKET_VIEW,
    },
    {
      method: 'DELETE',
      route: '/api/attachments/:id',
      request: async (fx, side) => ({ url: `/api/attachments/${await freshAttachment(fx, side)}` }),
      status: grid({ admin: 200, leader: 403, department: 404 }, [403, OOS]),
    },
    fixedGet('/api/attachments/settings', everyone),
    {
      method: 'PUT',
      route: '/api/attachments/settings',
      request: () => ({ url: '/api/attachments/settings', payload: { maxFileBytes: 10 * 1024 * 1024, maxFilesPerOwner: 20 } }),
      status: ADMIN_ONLY,
    },
  ];
}
