import { createContext, useContext } from 'react';
import type { Lang } from '../context.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type MessageKey = keyof typeof vi;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Looks up `key` in the dictionary of `lang` and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function hasKey(key: string): key is MessageKey {
  return key in vi;
}

export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}

/**
 * The interface language of this document. entry.server.tsx provides it from the request's
 * WebContext and entry.client.tsx from <html lang>; switching language reloads the document.
 */
export const LangContext = createContext<Lang>('vi');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Translate {
  return translator(useLang());
}
