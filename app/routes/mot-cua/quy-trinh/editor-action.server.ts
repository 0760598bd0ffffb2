import { redirect } from 'react-router';
import type { ProcessProblem } from '../../../../src/domain/process-validation.ts';
import type { SaveResult } from '../../../components/process/ProcessEditor.tsx';
import { plainToDefinition, readPlainForm } from '../../../components/process/plain-form.ts';
import type { PlainValues } from '../../../components/process/plain-form.ts';
import { translator } from '../../../i18n/index.ts';
import { asAppError, errorMessage } from '../../../lib/errors.ts';
import type { AppErrorLike } from '../../../lib/errors.ts';
import { failWith } from '../../../lib/http.ts';
import type { ProcessOfficial } from './access.server.ts';

/** Working minutes of a day, as the processes service counts them. */
export const MINUTES_PER_DAY = 480;

export type EditorActionData =
  | SaveResult
  | {
      intent: 'save-form';
      values: PlainValues;
      errors: Record<string, string>;
      formError?: string | undefined;
      details?: string[] | undefined;
      conflict?: boolean | undefined;
    }
  | {
      intent: 'publish' | 'discard' | 'new-draft';
      formError: string;
      conflict?: boolean | undefined;
      /** Why publication was refused: every problem, each naming its step or arrow. */
      problems?: ProcessProblem[] | undefined;
    };

type Out = Response | { status: number; body: EditorActionData };

const KNOWN = [
  'version_conflict',
  'process_not_draft',
  'process_draft_exists',
  'forbidden',
  'not_found',
  'agency_inactive',
];

/** A refusal the page shows; a crash is rethrown. */
function known(err: unknown): AppErrorLike {
  const e = asAppError(err);
  if (e && (KNOWN.includes(e.code) || e.code === 'validation_failed' || e.code === 'process_invalid'))
    return e;
  throw err;
}

const detailsOf = (e: AppErrorLike) => (e.fields ?? []).map((f) => `${f.field}: ${f.message}`);

function rowVersionOf(form: FormData): number {
  const n = Number(form.get('rowVersion'));
  if (!Number.isInteger(n) || n < 1) failWith(400);
  return n;
}

/**
 * The designer's action: save from the designer (JSON, answered to its fetcher) or from the tables
 * (a form post), publish, discard the draft, or start a draft from a published version.
 */
export async function editorAction(w: ProcessOfficial, request: Request, id: string): Promise<Out> {
  const form = await request.formData();
  const intent = form.get('intent');
  const self = `/mot-cua/quy-trinh/${id}`;
  const svc = w.services.processes;
  if (intent === 'save-json') {
    const rowVersion = rowVersionOf(form);
    let definition: unknown;
    try {
      const raw = form.get('definition');
      definition = JSON.parse(typeof raw === 'string' ? raw : '') as unknown;
    } catch {
      failWith(400);
    }
    try {
      // The service checks the shape field by field; a malformed body is a 400 listing them.
      const r = await svc.saveDraft(w, id, { definition: definition as never, rowVersion });
      return { status: 200, body: { intent, ok: true, rowVersion: r.rowVersion, problems: r.problems } };
    } catch (err) {
      const e = known(err);
      const conflict = e.code === 'version_conflict';
      return {
        status: e.status,
        body: { intent, ok: false, conflict, message: errorMessage(e, w.lang), details: detailsOf(e) },
      };
    }
  }
  if (intent === 'save-form') {
    const values = readPlainForm(form);
    const rowVersion = rowVersionOf(form);
    const read = plainToDefinition(values, MINUTES_PER_DAY, translator(w.lang));
    if (!read.ok) return { status: 400, body: { intent, values, errors: read.errors } };
    try {
      await svc.saveDraft(w, id, { definition: read.def, rowVersion });
      return redirect(`${self}?tb=saved`);
    } catch (err) {
      const e = known(err);
      return {
        status: e.status,
        body: {
          intent,
          values,
          errors: {},
          formError: errorMessage(e, w.lang),
          details: detailsOf(e),
          conflict: e.code === 'version_conflict',
        },
      };
    }
  }
  if (intent === 'publish' || intent === 'discard' || intent === 'new-draft') {
    try {
      if (intent === 'publish') {
        await svc.publish(w, id, { rowVersion: rowVersionOf(form) });
        return redirect(`${self}?tb=published`);
      }
      const p = await svc.get(w, id);
      if (intent === 'discard') {
        await svc.discardDraft(w, id);
        return redirect(`/mot-cua/thu-tuc/${encodeURIComponent(p.procedureCode)}/quy-trinh?tb=discarded`);
      }
      const draft = await svc.createDraft(w, p.procedureCode, { agencyId: p.agencyId, fromId: id });
      return redirect(`/mot-cua/quy-trinh/${draft}?tb=created`);
    } catch (err) {
      const e = known(err);
      const problems = (err as { problems?: ProcessProblem[] }).problems;
      return {
        status: e.status,
        body: {
          intent,
          formError: errorMessage(e, w.lang),
          conflict: e.code === 'version_conflict',
          ...(Array.isArray(problems) ? { problems } : {}),
        },
      };
    }
  }
  failWith(400);
}
