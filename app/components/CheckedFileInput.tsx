import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useT } from '../i18n/index.ts';

/** "1 MB", "500 KB": how a size limit reads next to a file input. */
export const formatSize = (n: number) =>
  n >= 1_048_576 ? `${Math.round(n / 1_048_576)} MB` : `${Math.round(n / 1024)} KB`;

interface Props {
  id: string;
  name: string;
  maxBytes: number;
  /** Allowed extensions, without the dot. */
  extensions: readonly string[];
  multiple?: boolean | undefined;
  required?: boolean | undefined;
  invalid?: boolean | undefined;
  describedBy?: string | undefined;
}

/**
 * A file input that, with JavaScript, refuses a file of the wrong type or size the moment it is
 * chosen — before anything is sent — and says why next to the input. The server checks again (type by
 * content, size) before storing; without JavaScript that check is the only one.
 */
export function CheckedFileInput({
  id,
  name,
  maxBytes,
  extensions,
  multiple,
  required,
  invalid,
  describedBy,
}: Props) {
  const t = useT();
  const [problem, setProblem] = useState<string | undefined>();
  const allowed = extensions.map((x) => x.toLowerCase().replace(/^\./, ''));
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const bad = [...(e.currentTarget.files ?? [])].flatMap((f) => {
      const ext = f.name.includes('.') ? (f.name.split('.').pop()?.toLowerCase() ?? '') : '';
      if (!allowed.includes(ext))
        return [t('file.badType', { name: f.name, ext: allowed.map((x) => x.toUpperCase()).join(', ') })];
      if (f.size > maxBytes) return [t('file.tooBig', { name: f.name, size: formatSize(maxBytes) })];
      return [];
    });
    if (bad.length) e.currentTarget.value = '';
    setProblem(bad.length ? bad.join(' ') : undefined);
  };
  const checkId = `${id}-check`;
  return (
    <>
      <input
        id={id}
        name={name}
        type="file"
        className="input"
        multiple={multiple}
        required={required}
        aria-required={required || undefined}
        aria-invalid={invalid || problem ? true : undefined}
        accept={allowed.map((x) => `.${x}`).join(',')}
        aria-describedby={[describedBy, problem ? checkId : null].filter(Boolean).join(' ') || undefined}
        onChange={onChange}
      />
      {problem ? (
        <p id={checkId} className="field-message" role="alert" data-testid="file-check">
          {problem}
        </p>
      ) : null}
    </>
  );
}
