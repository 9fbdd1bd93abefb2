// A new document: outgoing (numbered by the server when saved, the number previewed beside the
// form) or incoming. The organization comes from ?org= or the scope; the dates default to the
// server's today. A refusal puts each problem under its field.
import { App, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { applyFieldErrors, firstErrorField } from '@/lib/form-errors';
import { useProblemText } from '@/lib/problem-text';
import { useToday } from '@/lib/today';
import { useCreateIncoming, useCreateOutgoing } from '../api/documents';
import type { RegisterDirection } from '../lib/document-params';
import {
  fieldAliases,
  incomingFields,
  incomingInput,
  outgoingFields,
  outgoingInput,
  type IncomingValues,
  type OutgoingValues,
} from '../lib/documents';
import { IncomingForm, OutgoingForm, type FormProblem } from './document-form';

/** Puts a refusal's field problems under the form's fields; what is left goes above it. */
export function useShowProblem() {
  const text = useProblemText();
  return (
    form: Parameters<typeof applyFieldErrors>[0],
    error: unknown,
    fields: readonly string[],
  ): FormProblem => {
    if (!isApiError(error)) throw error;
    const rest = applyFieldErrors(form, error.problem, fields, text, fieldAliases);
    const onFields = (error.problem.errors?.length ?? 0) - rest.length;
    const first = firstErrorField(error.problem, fields, fieldAliases);
    if (first) form.scrollToField(first, { focus: true, block: 'center' });
    return { title: error.problem.title, rest, onFields };
  };
}

export function DocumentCreate({ direction, org }: { direction: RegisterDirection; org?: number }) {
  return direction === 'outgoing' ? <OutgoingCreate org={org} /> : <IncomingCreate org={org} />;
}

function OutgoingCreate({ org }: { org?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const today = useToday();
  const [form] = Form.useForm<OutgoingValues>();
  const create = useCreateOutgoing();
  const showProblem = useShowProblem();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const initialValues = useMemo<OutgoingValues>(
    () => ({ org_id: org, issuing_body: 'committee', issued_on: today, recipient_orgs: [] }),
    [org, today],
  );

  async function save(values: OutgoingValues) {
    setProblem(null);
    try {
      const doc = await create.mutateAsync(outgoingInput(values));
      message.success(t('document.form.created', { symbol: doc.symbol ?? doc.summary }));
      navigate(paths.document(doc.id), { replace: true });
    } catch (error) {
      setProblem(showProblem(form, error, outgoingFields));
    }
  }

  return (
    <OutgoingForm
      form={form}
      title={t('document.form.newOutgoing')}
      initialValues={initialValues}
      onFinish={(values) => void save(values)}
      onCancel={() => navigate(paths.documentsOf(org))}
      saving={create.isPending}
      problem={problem}
    />
  );
}

function IncomingCreate({ org }: { org?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const today = useToday();
  const [form] = Form.useForm<IncomingValues>();
  const create = useCreateIncoming();
  const showProblem = useShowProblem();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const initialValues = useMemo<IncomingValues>(
    () => ({ org_id: org, received_on: today, forward_to: [] }),
    [org, today],
  );

  async function save(values: IncomingValues) {
    setProblem(null);
    try {
      const doc = await create.mutateAsync(incomingInput(values));
      message.success(t('document.form.created', { symbol: doc.symbol || doc.summary }));
      navigate(paths.document(doc.id), { replace: true });
    } catch (error) {
      setProblem(showProblem(form, error, incomingFields));
    }
  }

  return (
    <IncomingForm
      form={form}
      title={t('document.form.newIncoming')}
      initialValues={initialValues}
      onFinish={(values) => void save(values)}
      onCancel={() => navigate(paths.incomingDocuments(org ? `org=${org}` : undefined))}
      saving={create.isPending}
      problem={problem}
    />
  );
}
