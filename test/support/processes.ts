import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { ProcessDefinition } from '../../src/domain/process.ts';
import type { ProcessProblem } from '../../src/domain/process-validation.ts';
import type { ProcessDetail } from '../../src/modules/processes/schema.ts';
import { counterProcess } from '../../src/modules/processes/templates.ts';
import { catalogTeam } from './procedure-admin.ts';
import type { CatalogTeam } from './procedure-admin.ts';
import type { TestClient } from './http.ts';
import type { TestRuntime } from './runtime.ts';

/**
 * What the process-definition API tests share: the catalog team (province editor, reviewer, admin,
 * commune editor), published procedures to attach processes to, and helpers over the API.
 */
export interface ProcessTeam extends CatalogTeam {
  /** A published procedure (counter 5 working days, online 3: the legal deadline is 3 working days). */
  publishedProcedure(): Promise<string>;
  newDraft(client: TestClient, code: string, extra?: Record<string, unknown>): Promise<string>;
  read(client: TestClient, id: string): Promise<ProcessDetail>;
  save(
    client: TestClient,
    id: string,
    definition: unknown,
    rowVersion: number,
  ): Promise<LightMyRequestResponse>;
  publishProcess(client: TestClient, id: string, rowVersion: number): Promise<LightMyRequestResponse>;
  /** Creates, saves `definition` and publishes it; returns the id. */
  publishDefinition(
    client: TestClient,
    code: string,
    definition: ProcessDefinition,
    extra?: Record<string, unknown>,
  ): Promise<string>;
}

/** A valid definition of 3 working days (1,440 minutes planned at 95%). */
export function goodDefinition(name = 'Quy trình thử nghiệm'): ProcessDefinition {
  return counterProcess({ name, deadlineMinutes: 1440 });
}

export async function processTeam(rt: TestRuntime): Promise<ProcessTeam> {
  const t = await catalogTeam(rt);
  const team: ProcessTeam = {
    ...t,
    async publishedProcedure() {
      const p = await t.createDraft();
      await t.publish(p.code, p.version);
      return p.code;
    },
    async newDraft(client, code, extra = {}) {
      const res = await client.post('/api/admin/processes', { procedureCode: code, ...extra });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: string }>().id;
    },
    async read(client, id) {
      const res = await client.get(`/api/admin/processes/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json<ProcessDetail>();
    },
    save(client, id, definition, rowVersion) {
      return client.put(`/api/admin/processes/${id}`, { definition, rowVersion });
    },
    publishProcess(client, id, rowVersion) {
      return client.post(`/api/admin/processes/${id}/publish`, { rowVersion });
    },
    async publishDefinition(client, code, definition, extra = {}) {
      const id = await team.newDraft(client, code, extra);
      const { rowVersion } = await team.read(client, id);
      const saved = await team.save(client, id, definition, rowVersion);
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json<{ problems: ProcessProblem[] }>().problems, []);
      const published = await team.publishProcess(client, id, rowVersion + 1);
      assert.equal(published.statusCode, 200, published.body);
      return id;
    },
  };
  return team;
}

/** [code, stepId or transitionId] of each problem, for compact assertions. */
export function refs(problems: ProcessProblem[]): [string, string | null][] {
  return problems.map((p) => [p.code, p.stepId ?? p.transitionId ?? null]);
}
