// A list's search box (the document register's, the directives'): the list follows the text
// after a short pause, and at once on Enter; Escape clears it. The URL may lag behind fast
// typing: a text coming back from the URL that this box sent earlier does not overwrite what
// was typed since.
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

const pauseMs = 250;

export function SearchBox({
  value,
  onSearch,
  placeholder,
  testId,
}: {
  value: string;
  onSearch: (q: string) => void;
  placeholder: string;
  testId?: string;
}) {
  const [text, setText] = useState(value);
  const pending = useRef<string[]>([]);
  const timer = useRef<number | undefined>(undefined);

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
      prefix={<SearchOutlined aria-hidden />}
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      maxLength={200}
      style={{ width: 360 }}
      data-testid={testId}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        window.clearTimeout(timer.current);
        if (next === '') send('');
        else timer.current = window.setTimeout(() => send(next), pauseMs);
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
