// Editing a document: what may still change (an outgoing document's number, type, date and
// issuer never do). Only the fields changed are sent, with the version the edit started from;
// someone else's save in between comes back as a conflict to reload.
import { App, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import type { PartyDocument } from '@/types';
import { useDocument, useUpdateDocument } from '../api/documents';
import {
  incomingFields,
  incomingValuesOf,
  outgoingFields,
  outgoingValuesOf,
  updateInput,
  type IncomingValues,
  type OutgoingValues,
} from '../lib/documents';
import { IncomingForm, OutgoingForm, type FormProblem } from './document-form';
import { useShowProblem } from './document-create';

export function DocumentEdit({ id }: { id: number }) {
  const doc = useDocument(id);
  if (doc.isPending) return <LoadingState rows={12} />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  return <EditForm key={doc.data.version} doc={doc.data} />;
}

function EditForm({ doc }: { doc: PartyDocument }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const update = useUpdateDocument(doc.id);
  const showProblem = useShowProblem();
  const [outgoing] = Form.useForm<OutgoingValues>();
  const [incoming] = Form.useForm<IncomingValues>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const outgoingValues = useMemo(() => outgoingValuesOf(doc), [doc]);
  const incomingValues = useMemo(() => incomingValuesOf(doc), [doc]);
  const title = t('document.form.edit', { symbol: doc.symbol || doc.type_name });
  const back = () => navigate(paths.document(doc.id));

  async function save(values: OutgoingValues | IncomingValues) {
    setProblem(null);
    try {
      const saved = await update.mutateAsync(updateInput(doc, values));
      message.success(t('document.form.saved', { symbol: saved.symbol || saved.type_name }));
      back();
    } catch (error) {
      setProblem(
        doc.direction === 'outgoing'
          ? showProblem(outgoing, error, outgoingFields)
          : showProblem(incoming, error, incomingFields),
      );
    }
  }

  return doc.direction === 'outgoing' ? (
    <OutgoingForm
      form={outgoing}
      title={title}
      initialValues={outgoingValues}
      onFinish={(values) => void save(values)}
      onCancel={back}
      saving={update.isPending}
      problem={problem}
      symbol={doc.symbol}
    />
  ) : (
    <IncomingForm
      form={incoming}
      title={title}
      initialValues={incomingValues}
      onFinish={(values) => void save(values)}
      onCancel={back}
      saving={update.isPending}
      problem={problem}
      editing
    />
  );
}
