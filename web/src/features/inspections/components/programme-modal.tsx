// Issuing a year's programme (the issuer, its title, the first inspection) or adding an
// inspection to a programme. A refusal shows under its field (the server names each field).
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api-client';
import { useProblemText } from '@/lib/problem-text';
import type { InspectionProgrammeView, ProblemFieldError } from '@/types';
import { useCreateProgramme, useUpdateProgramme } from '../api/inspections';
import {
  inspectionFieldOf,
  inspectionFields,
  inspectionInput,
  type InspectionValues,
} from '../lib/inspections';
import { InspectionFields } from './inspection-fields';

interface ProgrammeValues extends InspectionValues {
  issuer: 'committee' | 'inspection_committee';
  title: string;
}

const programmeFields = ['issuer', 'title', ...inspectionFields];

export function ProgrammeModal({
  org,
  year,
  programme,
  onClose,
}: {
  org: number;
  year: number;
  /** Set: add an inspection to this programme; unset: issue a new programme. */
  programme?: InspectionProgrammeView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<ProgrammeValues>();
  const create = useCreateProgramme();
  const update = useUpdateProgramme(programme?.id ?? 0);
  const mutation = programme ? update : create;
  const [rest, setRest] = useState<ProblemFieldError[]>([]);

  async function send(values: ProgrammeValues) {
    setRest([]);
    try {
      const inspection = inspectionInput(values);
      if (programme) {
        await update.mutateAsync({ version: programme.version, add_inspections: [inspection] });
      } else {
        await create.mutateAsync({
          org_id: org,
          year,
          issuer: values.issuer,
          title: values.title.trim(),
          inspections: [inspection],
        });
      }
      message.success(t('inspections.programme.saved'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) throw error;
      const byField = new Map<string, string[]>();
      const left: ProblemFieldError[] = [];
      for (const fieldError of error.problem.errors ?? []) {
        const name = inspectionFieldOf(fieldError.field);
        if (programmeFields.includes(name)) {
          byField.set(name, [...(byField.get(name) ?? []), problemText(fieldError)]);
        } else {
          left.push(fieldError);
        }
      }
      form.setFields(
        [...byField].map(([name, errors]) => ({ name: name as keyof ProgrammeValues, errors })),
      );
      setRest(left);
    }
  }

  return (
    <Modal
      open
      title={
        programme
          ? t('inspections.programme.addTitle', { title: programme.title })
          : t('inspections.programme.newTitle', { year })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'programme-submit' } as never}
      destroyOnHidden
      width={640}
    >
      <ProblemAlert error={mutation.error} rest={rest} />
      <Form<ProgrammeValues>
        form={form}
        name="programme"
        layout="vertical"
        initialValues={{
          issuer: 'inspection_committee',
          title: t('inspections.programme.defaultTitle', { year }),
          kind: 'task_performance',
          team: [],
        }}
        onFinish={(values) => void send(values)}
        data-testid="programme-form"
      >
        {!programme && (
          <>
            <Form.Item name="issuer" label={t('inspections.fields.issuer')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(['inspection_committee', 'committee'] as const).map((value) => ({
                  value,
                  label: t(`inspections.issuers.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('inspections.fields.title')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('validation.required', { label: t('inspections.fields.title') }),
                },
              ]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        <InspectionFields />
      </Form>
    </Modal>
  );
}
