import type { Services } from '../../../../src/services.ts';
import type { SelectOption } from '../../../components/SelectField.tsx';
import type { Lang } from '../../../context.ts';

/** Longest parent catalog offered as a drop-down (the 34 provinces); longer ones take a typed code. */
const MAX_OPTIONS = 100;

/**
 * For a catalog whose items belong to items of another catalog (communes → provinces): that catalog's
 * name, and its items as options when they are few enough for a <select>.
 */
export async function parentChoices(
  services: Services,
  parentCatalog: string | null,
  lang: Lang,
): Promise<{ catalog: string | null; options: SelectOption[] | null }> {
  if (!parentCatalog) return { catalog: null, options: null };
  const page = await services.catalogs.listItems(parentCatalog, {
    limit: MAX_OPTIONS,
    includeInactive: 'true',
  });
  const name = lang === 'en' ? page.catalog.nameEn : page.catalog.name;
  return {
    catalog: name,
    options: page.next ? null : page.items.map((i) => ({ value: i.code, label: `${i.name} (${i.code})` })),
  };
}
