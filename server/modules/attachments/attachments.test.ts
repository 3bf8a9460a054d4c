// Attachments through HTTP: who lists, adds, downloads and deletes files of a ticket and a project;
// types recognised by content; every refusal (too large, wrong type, empty, too many, a zip bomb)
// leaves neither a row nor an audit entry.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../test/app.js';
import { docxOf, EXE_BYTES, PDF_BYTES, PNG_BYTES, uploadTo } from '../../test/factories/attachments.js';
import { auditRows } from '../../test/factories/chains.js';
import { buildProject } from '../../test/factories/projects.js';
import { buildTicketFirms, ticketPartyUsers, type TicketFirms } from '../../test/factories/tickets.js';
import { bombPart, part, zipOf } from '../../test/hostile-files.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { fileTicket } from '../tickets/tickets.service.js';

let firms: TicketFirms = { firm: '', otherFirm: '' };
let ticket: { ownerKind: 'ticket'; ownerId: number };
let project: { ownerKind: 'project'; ownerId: number };

const t = useTestApp({
  data: async (db) => {
    firms = await buildTicketFirms(db);
    const filed = await fileTicket(
      db,
      SYSTEM_ACTOR,
      { uscc: firms.firm, category: 'power', title: '用电增容', description: '需要增容' },
      '2025-06-10',
    );
    ticket = { ownerKind: 'ticket', ownerId: filed.id };
    project = { ownerKind: 'project', ownerId: (await buildProject(db, { name: '附件测试项目' })).id };
  },
  users: {
    ...ticketPartyUsers(() => firms),
    otherCounty: { role: 'county', scopes: [{ kind: 'region', ref: '430482' }] },
    department: { role: 'department', scopes: [{ kind: 'department', ref: '市交通运输局' }] },
    leader: { role: 'leader' },
    admin: { role: 'admin' },
  },
});
const s = t.users;

const list = (owner: { ownerKind: string; ownerId: number }, who: Session) =>
  t.app.inject({ method: 'GET', url: `/api/attachments?ownerKind=${owner.ownerKind}&ownerId=${owner.ownerId}`, headers: who.headers });
const download = (id: number, who: Session) => t.app.inject({ method: 'GET', url: `/api/attachments/${id}/file`, headers: who.headers });
const remove = (id: number, who: Session) => t.app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers: who.headers });

/** Rows of attachments (deleted ones too) and of the audit log about them: a refusal changes neither. */
async function stored(): Promise<{ rows: number; audits: number }> {
  const result = await t.database.db.execute<{ rows: number; audits: number }>(sql`SELECT
    (SELECT count(*)::int FROM attachments) AS rows, (SELECT count(*)::int FROM audit_log WHERE entity = 'attachment') AS audits`);
  return result.rows[0] ?? { rows: -1, audits: -1 };
}

describe('attachments of a ticket', () => {
  let licence: number;

  it('the enterprise adds a PDF with a Chinese name; the chain office lists and downloads it as sent', async () => {
    const res = await uploadTo(t.app, s.firm, ticket, '营业执照（副本）.pdf', PDF_BYTES);
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({ fileName: '营业执照（副本）.pdf', type: 'pdf', sizeBytes: PDF_BYTES.length, canDelete: true });
    expect(item.sha256).toBe(createHash('sha256').update(PDF_BYTES).digest('hex'));
    licence = item.id;

    const listed = (await list(ticket, s.office)).json();
    expect(listed.items.map((i: { fileName: string }) => i.fileName)).toEqual(['营业执照（副本）.pdf']);
    expect(listed.items[0].canDelete).toBe(false);
    expect(listed).toMatchObject({ canUpload: true, limits: { maxFileBytes: 10 * 1024 * 1024, maxFilesPerOwner: 20 } });

    const file = await download(licence, s.office);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="attachment-${licence}.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%EF%BC%88%E5%89%AF%E6%9C%AC%EF%BC%89.pdf`,
    );
    expect(file.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect((await auditRows(t.database.db, 'attachment', String(licence))).map((r) => r.action)).toEqual(['create']);
  });

  it('answers 404 to callers who do not see the ticket; a leader (a party) may add files', async () => {
    for (const who of [s.otherFirm, s.department]) {
      expect((await list(ticket, who)).statusCode).toBe(404);
      expect((await download(licence, who)).statusCode).toBe(404);
      expect((await uploadTo(t.app, who, ticket, 'x.pdf', PDF_BYTES)).statusCode).toBe(404);
    }
    expect((await list(ticket, s.leader)).json().canUpload).toBe(true);
    expect((await list({ ownerKind: 'task', ownerId: 1 }, s.admin)).statusCode).toBe(404);
  });

  it('recognises the type by content: a program named .pdf is refused; a PNG named .pdf is kept as .png', async () => {
    const before = await stored();
    const exe = await uploadTo(t.app, s.firm, ticket, 'report.pdf', EXE_BYTES);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toContain('“report.pdf”的内容不是允许的类型');
    const english = await uploadTo(t.app, s.firm, ticket, 'report.pdf', EXE_BYTES, 'en');
    expect(english.json().error.message).toContain('“report.pdf” is not an allowed type by its content');
    expect(await stored()).toEqual(before);

    const png = await uploadTo(t.app, s.firm, ticket, '../../现场照片.pdf', PNG_BYTES);
    expect(png.json()).toMatchObject({ fileName: '现场照片.pdf.png', type: 'png' });
    const docx = await uploadTo(t.app, s.office, ticket, '答复意见.docx', docxOf('同意'));
    expect(docx.json()).toMatchObject({ fileName: '答复意见.docx', type: 'docx' });
  });

  it('refuses an empty file, a zip bomb dressed as .docx, and a ZIP that is no Office file, storing nothing', async () => {
    const before = await stored();
    const empty = await uploadTo(t.app, s.firm, ticket, '空.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('“空.txt”是空文件（0 字节），请重新选择');
    const bomb = zipOf([part('[Content_Types].xml', '<Types/>'), { ...bombPart('word/document.xml', 200) }]);
    const bombed = await uploadTo(t.app, s.firm, ticket, '合同.docx', bomb);
    expect(bombed.statusCode).toBe(413);
    expect(bombed.json().error.message).toBe('“合同.docx”解压后超过 100 MB，不能上传');
    const zip = await uploadTo(t.app, s.firm, ticket, '资料.docx', zipOf([part('a.txt', 'hello')]));
    expect(zip.statusCode).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('lets only the uploader or the admin delete; a deleted file is gone from the list and the download (audited)', async () => {
    const refused = await remove(licence, s.office);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('只有上传人或系统管理员可以删除附件');
    expect((await remove(licence, s.firm)).statusCode).toBe(200);
    expect((await list(ticket, s.office)).json().items.map((i: { id: number }) => i.id)).not.toContain(licence);
    expect((await download(licence, s.firm)).statusCode).toBe(404);
    expect((await auditRows(t.database.db, 'attachment', String(licence))).map((r) => r.action)).toEqual(['create', 'delete']);
    const bytes = await t.database.db.execute<{ gone: boolean }>(
      sql`SELECT content IS NULL AS gone FROM attachments WHERE id = ${licence}`,
    );
    expect(bytes.rows[0]?.gone).toBe(true);
  });
});

describe('attachments of a project', () => {
  it('its editors add files; a reader lists without adding; another county gets 404', async () => {
    expect((await uploadTo(t.app, s.office, project, '投资协议.pdf', PDF_BYTES)).statusCode).toBe(201);
    const leader = (await list(project, s.leader)).json();
    expect(leader).toMatchObject({ canUpload: false, items: [{ fileName: '投资协议.pdf', uploadedByName: expect.any(String) }] });
    expect((await uploadTo(t.app, s.leader, project, 'x.pdf', PDF_BYTES)).statusCode).toBe(403);
    expect((await list(project, s.otherCounty)).statusCode).toBe(404);
    expect((await list(project, s.firm)).statusCode).toBe(404);
  });
});

describe('limits (a setting)', () => {
  it('refuses a file over the size and one over the count, with the limit in the message, storing nothing', async () => {
    const put = (limits: object) =>
      t.app.inject({ method: 'PUT', url: '/api/attachments/settings', headers: s.admin.headers, payload: limits });
    expect((await put({ maxFileBytes: 1024 * 1024, maxFilesPerOwner: 20 })).statusCode).toBe(200);
    const before = await stored();
    const big = await uploadTo(t.app, s.office, project, '大文件.txt', Buffer.alloc(1024 * 1024 + 1, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('文件超过 1 MB，不能上传：请压缩或拆分后再传');
    expect(await stored()).toEqual(before);

    expect((await put({ maxFileBytes: 10 * 1024 * 1024, maxFilesPerOwner: 2 })).statusCode).toBe(200);
    expect((await uploadTo(t.app, s.office, project, '二.txt', Buffer.from('第二个附件'))).statusCode).toBe(201);
    const third = await uploadTo(t.app, s.office, project, '三.txt', Buffer.from('第三个附件'));
    expect(third.statusCode).toBe(409);
    expect(third.json().error.message).toBe('最多 2 个附件，已有 2 个：请先删除不需要的附件');
    expect((await list(project, s.office)).json().items).toHaveLength(2);
  });
});
