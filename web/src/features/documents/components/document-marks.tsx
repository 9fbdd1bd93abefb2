// A document's marks as the register shows them: secrecy (red, printed in capitals in a frame
// on paper), urgency (orange), and "withdrawn". Labels come from the register's catalog.
import { Space, Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentCatalog, PartyDocumentItem } from '@/types';
import { useDocumentCatalog } from '../api/documents';

type MarkList = 'secrecy' | 'urgency' | 'authority';

/** (list, code) -> the mark's name in the UI language (the code when unknown). */
export function useMarkName() {
  const catalog = useDocumentCatalog().data;
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback(
    (list: MarkList, code: string | null | undefined) => markName(catalog, list, code, lang),
    [catalog, lang],
  );
}

/**
 * A type's name in the UI language, from the catalog (both languages in one answer, so a
 * language switch needs no new request); the server's type_name while the catalog loads.
 */
export function useTypeName() {
  const catalog = useDocumentCatalog().data;
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback(
    (doc: Pick<PartyDocumentItem, 'type' | 'type_name'>) => {
      const type = catalog?.types.find((item) => item.code === doc.type);
      if (!type) return doc.type_name;
      return lang === 'en' ? type.name_en : type.name_vi;
    },
    [catalog, lang],
  );
}

export function markName(
  catalog: DocumentCatalog | undefined,
  list: MarkList,
  code: string | null | undefined,
  lang: string,
): string {
  if (!code) return '';
  const mark = catalog?.[list].find((item) => item.code === code);
  if (!mark) return code;
  if (list === 'authority') return `${mark.label} (${lang === 'en' ? mark.name_en : mark.name_vi})`;
  return lang === 'en' ? mark.name_en : mark.name_vi;
}

export function DocumentMarks({
  doc,
}: {
  doc: Pick<PartyDocumentItem, 'secrecy' | 'urgency' | 'status'>;
}) {
  const { t } = useTranslation();
  const name = useMarkName();
  return (
    <Space size={4} wrap>
      {doc.status === 'withdrawn' && (
        <Tag color="default" data-testid="document-withdrawn">
          {t('documents.withdrawn')}
        </Tag>
      )}
      {doc.secrecy && (
        <Tag color="red" data-testid="document-secrecy">
          {name('secrecy', doc.secrecy)}
        </Tag>
      )}
      {doc.urgency && (
        <Tag color="orange" data-testid="document-urgency">
          {name('urgency', doc.urgency)}
        </Tag>
      )}
    </Space>
  );
}
