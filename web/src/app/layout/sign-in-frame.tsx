// The frame of the screens before the app proper: signing in and the first-login steps. No
// navigation and no data, only the brand, the language switch and the step's card.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';

export function SignInFrame({
  title,
  children,
  extra,
  width = 420,
}: {
  title: string;
  children: ReactNode;
  extra?: ReactNode;
  width?: number;
}) {
  return (
    <div className="sign-in">
      <header className="sign-in-top">
        <span className="brand" aria-label="chibo">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>chibo</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in-main">
        <Card style={{ width: '100%', maxWidth: width }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
        {extra}
      </main>
    </div>
  );
}
