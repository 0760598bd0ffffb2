import { formatDate } from '../../../../src/domain/datetime.ts';
import { registerPeriod } from '../../../../src/modules/printing/forms/register.ts';
import { translator } from '../../../i18n/index.ts';
import { asAppError } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import { redirectTo } from '../../../lib/http.ts';
import type { DossierOfficial } from './access.server.ts';
import type { RegisterFormData } from './register-fields.ts';

/**
 * The Mẫu 06 form of the list page (a GET form, so it works without JavaScript): once sent with good
 * dates it redirects to the PDF, which the browser downloads while the page stays; wrong dates come
 * back with messages next to the fields. The PDF route checks the agency against the partition.
 */
export async function registerForm(w: DossierOfficial, sp: URLSearchParams): Promise<RegisterFormData> {
  const t = translator(w.lang);
  const today = formatDate(new Date());
  const values = {
    'so-tu': (sp.get('so-tu') ?? `01/${today.slice(3)}`).trim().slice(0, 20),
    'so-den': (sp.get('so-den') ?? today).trim().slice(0, 20),
    'so-co-quan': (sp.get('so-co-quan') ?? '').trim().slice(0, 40),
  };
  const errors: FieldErrors = {};
  if (sp.has('so-tu')) {
    try {
      registerPeriod({ from: values['so-tu'], to: values['so-den'] });
      const q = new URLSearchParams({ tu: values['so-tu'], den: values['so-den'] });
      if (values['so-co-quan']) q.set('coQuan', values['so-co-quan']);
      redirectTo(`/mot-cua/ho-so/so-theo-doi.pdf?${q.toString()}`);
    } catch (err) {
      const problems = asAppError(err)?.fields;
      if (!problems) throw err;
      for (const p of problems) {
        const field = p.field === 'tu' ? 'so-tu' : 'so-den';
        errors[field] ??=
          w.lang === 'en'
            ? t(field === 'so-tu' ? 'forms.register.errFrom' : 'forms.register.errTo')
            : p.message;
      }
    }
  }
  const agencies = await w.services.printing.registerAgencies(w.auth);
  return { values, errors, agencies: agencies.map((a) => ({ value: a.id, label: a.name })) };
}
