import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { EformDefinition } from '../../src/domain/eform.ts';
import { dossierOffice, validFormData } from '../support/dossiers.ts';
import type { DossierOffice } from '../support/dossiers.ts';
import { VIETNAMESE } from '../support/dossier-cases.ts';
import type { TestClient } from '../support/http.ts';
import { startTestRuntime } from '../support/runtime.ts';
import type { TestRuntime } from '../support/runtime.ts';

/**
 * File fields of the e-form (II.2.3, III.1.1): file ids given only inside `formData` — at the top
 * level or inside a repeating group — are attached to the online dossier like `fileIds`; each must
 * be an upload of the caller not yet attached, else a 400 naming `formData.<path>` and nothing stored.
 */

let rt: TestRuntime;
let o: DossierOffice;

const FORM: EformDefinition = {
  title: 'Tờ khai có tệp',
  sections: [
    {
      title: 'Giấy tờ',
      fields: [
        { key: 'hoTen', type: 'text', label: 'Họ và tên', required: true },
        { key: 'donDeNghi', type: 'file', label: 'Đơn đề nghị', maxBytes: 1_000_000, extensions: ['pdf'] },
        {
          key: 'thanhVien',
          type: 'group',
          label: 'Thành viên',
          fields: [
            { key: 'ten', type: 'text', label: 'Tên', required: true },
            {
              key: 'giayTo',
              type: 'file',
              label: 'Giấy tờ',
              maxBytes: 1_000_000,
              extensions: ['pdf'],
              maxFiles: 2,
            },
          ],
        },
      ],
    },
  ],
};

before(async () => {
  rt = await startTestRuntime();
  o = await dossierOffice(rt);
  const procedure = await rt.database.db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', o.procedureCode)
    .executeTakeFirstOrThrow();
  await rt.database.db
    .insertInto('eform_versions')
    .values({ procedure_id: procedure.id, version: 1, definition: JSON.stringify(FORM) })
    .execute();
});
after(async () => rt.stop());

async function upload(client: TestClient, tag: string): Promise<string> {
  const res = await client.request({
    method: 'POST',
    url: `/api/dossier-files?fileName=${tag}.pdf`,
    payload: Buffer.from(`%PDF-1.7 ${tag} ${Math.random()}`, 'latin1'),
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}

function post(formData: Record<string, unknown>, fileIds: string[] = []) {
  return o.citizen.post('/api/portal/dossiers', {
    procedureCode: o.procedureCode,
    agencyId: o.agency.id,
    applicant: { kind: 'citizen', idNumber: o.citizenIdNumber, fullName: 'Lê Văn An', phone: '0912345678' },
    formData,
    fileIds,
  });
}

const dossierCount = async () =>
  (
    await rt.database.db
      .selectFrom('dossiers')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('online submission: files in the form data', () => {
  it('attaches file ids given only in formData, also inside a repeating group', async () => {
    const top = await upload(o.citizen, 'don');
    const a = await upload(o.citizen, 'giay-to-a');
    const b = await upload(o.citizen, 'giay-to-b');
    const res = await post({
      hoTen: 'Lê Văn An',
      donDeNghi: [top],
      thanhVien: [
        { ten: 'An', giayTo: [a] },
        { ten: 'Bình', giayTo: [b] },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json<{ id: string; files: { id: string; kind: string }[]; formData: unknown }>();
    assert.deepEqual(d.files.map((f) => f.id).sort(), [top, a, b].sort());
    assert.ok(d.files.every((f) => f.kind === 'component'));
    assert.deepEqual(d.formData, {
      hoTen: 'Lê Văn An',
      donDeNghi: [top],
      thanhVien: [
        { ten: 'An', giayTo: [a] },
        { ten: 'Bình', giayTo: [b] },
      ],
    });
  });

  it('attaches an id given in both fileIds and formData once', async () => {
    const id = await upload(o.citizen, 'ca-hai');
    const res = await post({ hoTen: 'Lê Văn An', donDeNghi: [id], thanhVien: [] }, [id]);
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(
      res.json<{ files: { id: string }[] }>().files.map((f) => f.id),
      [id],
    );
  });

  it('refuses someone else’s upload or one already attached, naming the field, storing nothing', async () => {
    const theirs = await upload(o.counter, 'cua-can-bo');
    const used = await upload(o.citizen, 'da-dung');
    assert.equal((await post({ hoTen: 'Lê Văn An', donDeNghi: [used] })).statusCode, 201);
    const mine = await upload(o.citizen, 'hop-le');
    const before = await dossierCount();
    const res = await post({
      hoTen: 'Lê Văn An',
      donDeNghi: [mine],
      thanhVien: [{ ten: 'An', giayTo: [theirs] }, { ten: 'Bình' }, { ten: 'Cúc', giayTo: [used] }],
    });
    assert.equal(res.statusCode, 400, res.body);
    const errors = res.json<{ errors: { field: string; message: string }[] }>().errors;
    assert.deepEqual(errors.map((e) => e.field).sort(), [
      'formData.thanhVien[0].giayTo',
      'formData.thanhVien[2].giayTo',
    ]);
    assert.ok(errors.every((e) => VIETNAMESE.test(e.message) && e.message.includes(e.field)));
    assert.equal(await dossierCount(), before);
    const still = await rt.database.db
      .selectFrom('dossier_files')
      .select('dossier_id')
      .where('id', '=', mine)
      .executeTakeFirstOrThrow();
    assert.equal(still.dossier_id, null);
  });

  it('refuses an unknown id in a file field', async () => {
    const res = await post({
      ...validFormData(o.citizenIdNumber),
      hoTen: 'An',
      donDeNghi: [crypto.randomUUID()],
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /formData\.donDeNghi/);
  });
});
