// Which columns the member table shows; the choice is remembered in this browser.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const storageKey = 'chibo.memberColumns';

export function useColumnChoice(all: string[], defaults: string[]) {
  const [visible, setVisible] = useState<string[]>(() => {
    try {
      const stored = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as unknown;
      if (Array.isArray(stored)) return stored.filter((key): key is string => all.includes(key));
    } catch {
      // fall back to the defaults
    }
    return defaults;
  });
  const choose = (next: string[]) => {
    setVisible(next);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // not remembered
    }
  };
  return [visible, choose] as const;
}

export function ColumnChooser({
  columns,
  visible,
  onChange,
  onReset,
}: {
  columns: { key: string; title: string }[];
  visible: string[];
  onChange: (next: string[]) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      popupRender={() => (
        <div className="column-chooser" role="group" aria-label={t('members.columns')}>
          <Checkbox.Group
            value={visible}
            onChange={(next) =>
              onChange(columns.map((c) => c.key).filter((key) => next.includes(key)))
            }
          >
            <Space orientation="vertical" size={4}>
              {columns.map((column) => (
                <Checkbox key={column.key} value={column.key}>
                  {column.title}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
          <div style={{ marginTop: 8 }}>
            <Button size="small" onClick={onReset}>
              {t('members.columnsReset')}
            </Button>
          </div>
        </div>
      )}
    >
      <Button icon={<SettingOutlined />} aria-expanded={open} data-testid="column-chooser">
        {t('members.columns')}
      </Button>
    </Dropdown>
  );
}
