import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { STATUS_TRANSITIONS } from '../../src/domain/dossier-status-machine.ts';
import { DOSSIER_STATUSES, STATUS_INFO } from '../../src/domain/dossier-status.ts';
import { createAgency, createOfficial } from '../support/factories.ts';
import {
  hasHorizontalScroll,
  officialPage,
  seriousA11yViolations,
  startBrowserEnv,
} from '../support/browser.ts';
import type { BrowserEnv } from '../support/browser.ts';

// The status catalogue and transition chart screen (TT 22/2019 II.4.1–4.2, II.24.1): /mot-cua/trang-thai
// and GET /api/admin/dossier-statuses.
let env: BrowserEnv;
type Official = { id: string; username: string; password: string };
let admin: Official;
let editor: Official;
let handler: Official;
const PATH = '/mot-cua/trang-thai';
const API = '/api/admin/dossier-statuses';
const pairKey = (t: { from: string | null; to: string }) => `${t.from ?? ''}>${t.to}`;

before(async () => {
  env = await startBrowserEnv();
  const province = await createAgency(env.rt.database, {
    parentId: null,
    level: 'province',
    name: 'Tỉnh Thử Trạng Thái',
  });
  admin = await createOfficial(env.rt.database, province.id, ['quan_tri_he_thong'], { includeSubtree: true });
  editor = await createOfficial(env.rt.database, province.id, ['bien_tap_vien'], { includeSubtree: true });
  handler = await createOfficial(env.rt.database, province.id, ['can_bo_thu_ly']);
});
after(async () => env.close());

const signedIn = (who: Official, options: { js?: boolean; width?: number } = {}) =>
  officialPage(env, who, options);
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe('back office: dossier statuses and their transition chart', () => {
  it('an administrator sees the 11 statuses with their national codes, without JavaScript', async () => {
    const page = await signedIn(admin, { js: false });
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Trạng thái hồ sơ' })
      .click();
    await page.waitForURL((u) => u.pathname === PATH);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Trạng thái xử lý hồ sơ');
    const rows = page.getByTestId('statuses').locator('tbody tr');
    assert.equal(await rows.count(), 11);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-status'),
        label: tr.querySelector('th')?.firstElementChild?.firstChild?.textContent,
        code: Number(tr.querySelector('[data-testid="code"]')?.textContent),
      })),
    );
    assert.deepEqual(
      shown,
      DOSSIER_STATUSES.map((s) => ({ id: s, label: STATUS_INFO[s].label, code: STATUS_INFO[s].dvcqgCode })),
    );
    // The Annex I rows and the information shown with a status.
    const row = await page.locator('tr[data-status="dang_xu_ly"]').textContent();
    for (const part of [
      'I.process.3.5',
      'Hồ sơ quá hạn giải quyết',
      'Người xử lý hiện tại',
      'Hạn xử lý, thời gian quá hạn',
    ])
      assert.ok(row?.includes(part), part);
    assert.match(
      (await page.locator('tr[data-status="da_tra_ket_qua"]').textContent()) ?? '',
      /trạng thái kết thúc/,
    );
  });

  it('draws one box per status and one arrow per transition of the domain chart, with a text alternative', async () => {
    const page = await signedIn(admin, { js: false });
    await page.goto(PATH);
    const svg = page.getByTestId('status-diagram');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.equal(await svg.locator('title#st-svg-title').textContent(), 'Lưu đồ chuyển đổi trạng thái');
    assert.match(
      (await svg.locator('desc').textContent()) ?? '',
      new RegExp(`11 trạng thái và ${STATUS_TRANSITIONS.length} chuyển đổi`),
    );
    const boxes = await svg
      .locator('[data-status]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-status')));
    assert.deepEqual(boxes.sort(), ['entry', ...DOSSIER_STATUSES].sort());
    const arrows = await svg.locator('path[data-transition]').evaluateAll((ps) =>
      ps.map((p) => ({
        key: p.getAttribute('data-transition'),
        end: p.getAttribute('marker-end'),
        d: p.getAttribute('d'),
      })),
    );
    assert.equal(arrows.length, STATUS_TRANSITIONS.length);
    assert.deepEqual(arrows.map((a) => a.key).sort(), STATUS_TRANSITIONS.map(pairKey).sort());
    for (const a of arrows)
      assert.ok(a.end?.startsWith('url(#st-head') && a.d?.startsWith('M '), a.key ?? '');
    // The table of transitions names every arrow.
    const table = page.getByTestId('transitions');
    assert.equal(await table.locator('tbody tr').count(), STATUS_TRANSITIONS.length);
    const first = await texts(page, '[data-testid="transitions"] tbody tr:first-child > *');
    assert.deepEqual(first.slice(0, 4), [
      'Hồ sơ mới',
      'Mới đăng ký',
      'Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công',
      'Cá nhân, tổ chức',
    ]);
    assert.match((await table.textContent()) ?? '', /chỉ một lần trong quá trình giải quyết/);
  });

  it('no arrow crosses a box it does not join', async () => {
    const page = await signedIn(admin);
    await page.goto(PATH);
    const crossings = await page.getByTestId('status-diagram').evaluate((svg) => {
      const boxes = [...svg.querySelectorAll('[data-status]')].map((g) => {
        const r = g.querySelector('rect')!;
        const n = (a: string) => Number(r.getAttribute(a));
        return { id: g.getAttribute('data-status')!, x: n('x'), y: n('y'), w: n('width'), h: n('height') };
      });
      const out: string[] = [];
      for (const p of svg.querySelectorAll<SVGPathElement>('path[data-transition]')) {
        const [from, to] = p.getAttribute('data-transition')!.split('>');
        const ends = new Set([from || 'entry', to]);
        const len = p.getTotalLength();
        for (let s = 0; s <= len; s += 2) {
          const pt = p.getPointAtLength(s);
          const hit = boxes.find(
            (b) =>
              !ends.has(b.id) &&
              pt.x > b.x - 2 &&
              pt.x < b.x + b.w + 2 &&
              pt.y > b.y - 2 &&
              pt.y < b.y + b.h + 2,
          );
          if (hit) {
            out.push(`${from || 'entry'} → ${to} crosses ${hit.id}`);
            break;
          }
        }
      }
      return out;
    });
    assert.deepEqual(crossings, []);
  });

  it('fits 360 px: the chart scrolls inside its frame, never the page; axe-core finds nothing serious', async () => {
    const problems: string[] = [];
    for (const lang of ['vi', 'en']) {
      for (const width of [360, 1280]) {
        const page = await signedIn(admin, { width });
        if (lang === 'en') await page.goto(`/ngon-ngu?lang=en&next=${PATH}`);
        else await page.goto(PATH);
        assert.equal(await hasHorizontalScroll(page), false, `${lang} ${width}`);
        const frame = page.locator('.st-scroll');
        const { scroll, client, tab } = await frame.evaluate((el) => ({
          scroll: el.scrollWidth,
          client: el.clientWidth,
          tab: el.tabIndex,
        }));
        if (width === 360) assert.ok(scroll > client, 'the chart scrolls inside its frame');
        assert.equal(tab, 0, 'the scrolling frame takes keyboard focus');
        for (const v of await seriousA11yViolations(page))
          problems.push(
            `${lang} ${width}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
      }
    }
    assert.deepEqual(problems, []);
  });

  it('shows English names with the official Vietnamese wording', async () => {
    const page = await signedIn(editor, { js: false });
    await page.goto(`/ngon-ngu?lang=en&next=${PATH}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Dossier processing statuses');
    const cell = page.locator('tr[data-status="yeu_cau_nghia_vu_tai_chinh"] th');
    assert.match(
      (await cell.textContent()) ?? '',
      /^Financial obligation requiredYêu cầu thực hiện nghĩa vụ tài chính/,
    );
    assert.equal(await cell.locator('[lang="vi"]').count(), 1);
  });

  it('an official who does not administer procedures has no menu entry and gets 403', async () => {
    const page = await signedIn(handler, { js: false });
    assert.equal(await page.getByRole('link', { name: 'Trạng thái hồ sơ' }).count(), 0);
    const res = await page.goto(PATH);
    assert.equal(res?.status(), 403);
  });

  it('GET /api/admin/dossier-statuses: the same catalogue as JSON, for the same officials, documented', async () => {
    const page = await signedIn(editor, { js: false });
    const res = await page.request.get(API);
    assert.equal(res.status(), 200);
    const body = (await res.json()) as {
      statuses: { id: string; dvcqgCode: number }[];
      transitions: unknown[];
    };
    assert.deepEqual(
      body.statuses.map((s) => [s.id, s.dvcqgCode]),
      DOSSIER_STATUSES.map((s) => [s, STATUS_INFO[s].dvcqgCode]),
    );
    assert.equal(body.transitions.length, STATUS_TRANSITIONS.length);
    assert.deepEqual(body.transitions[0], {
      from: null,
      to: 'moi_dang_ky',
      event: 'submit_online',
      eventLabel: 'Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công',
      actor: 'applicant',
      actorLabel: 'Cá nhân, tổ chức',
      phase: 'submit',
      annexRows: ['I.submit.2'],
      once: false,
    });
    const other = await signedIn(handler, { js: false });
    const refused = await other.request.get(API);
    assert.equal(refused.status(), 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'forbidden');
    const anonymous = await env.rt.app.inject({ method: 'GET', url: API });
    assert.equal(anonymous.statusCode, 401);
    const spec = (await env.rt.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { responses?: Record<string, unknown> } }>;
    }>();
    assert.ok(spec.paths[API]?.get?.responses?.['200']);
  });

  it('logged no page errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
