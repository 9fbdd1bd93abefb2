// Search as you type: the list follows the text after a short pause (60 ms, to merge fast typing), matching names
// without diacritics ("nguyen van an"), CCCD or party card numbers.
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const searchDebounceMs = 60;

export function MemberSearchBox({
  value,
  onSearch,
}: {
  value: string;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  // What this box sent to the URL and has not seen come back yet, oldest first. On a slow
  // machine the URL can lag behind the typing: an earlier text coming back must not overwrite
  // what was typed since ("nguye" arriving after "nguyen" was typed).
  const pending = useRef<string[]>([]);
  const timer = useRef<number | undefined>(undefined);

  // Follow the URL when it changes from elsewhere (back button, a link).
  useEffect(() => {
    const own = pending.current.indexOf(value);
    if (own >= 0) {
      pending.current.splice(0, own + 1);
      return;
    }
    pending.current = [];
    setText(value);
  }, [value]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const send = (next: string) => {
    window.clearTimeout(timer.current);
    if (next !== value && pending.current.at(-1) !== next) pending.current.push(next);
    onSearch(next);
  };

  return (
    <Input
      allowClear
      size="large"
      prefix={<SearchOutlined aria-hidden />}
      placeholder={t('members.search')}
      aria-label={t('members.search')}
      value={text}
      maxLength={200}
      data-testid="member-search"
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        window.clearTimeout(timer.current);
        if (next === '') send('');
        else timer.current = window.setTimeout(() => send(next), searchDebounceMs);
      }}
      onPressEnter={() => send(text)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && text) {
          setText('');
          send('');
        }
      }}
    />
  );
}
