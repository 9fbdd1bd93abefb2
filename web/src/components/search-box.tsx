// Search as you type, for every list: the list follows the text after a short pause (to merge
// fast typing), and at once on Enter; Escape clears it. The text lives in the URL, which may lag
// behind fast typing: a text coming back from the URL that this box sent earlier does not
// overwrite what was typed since.
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';

export function SearchBox({
  value,
  onSearch,
  placeholder,
  testId,
  pauseMs = 250,
  size,
  style,
}: {
  value: string;
  onSearch: (q: string) => void;
  placeholder: string;
  testId?: string;
  pauseMs?: number;
  size?: 'large' | 'middle';
  style?: CSSProperties;
}) {
  const [text, setText] = useState(value);
  // What this box sent to the URL and has not seen come back yet, oldest first ("nguye"
  // arriving after "nguyen" was typed must not overwrite it).
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
      size={size}
      style={style}
      prefix={<SearchOutlined aria-hidden />}
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      maxLength={200}
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
