'use client';

import { useState } from 'react';
import type { Notice } from '@/lib/signage/notice';
import type { Screen } from '@/lib/signage/screen';
import { adminField } from './admin-styles';
import { NoticeAdmin } from './notice-admin';
import { ScreenAdmin } from './screen-admin';

/** `/admin/screens`: one token field for the screens and the notices below it. */
export function SignageAdmin({ initialScreens, initialNotices }: { initialScreens: Screen[]; initialNotices: Notice[] }) {
  // Kept in this component's memory only: never stored, never sent anywhere but these requests.
  const [token, setToken] = useState('');
  return (
    <div className="flex flex-col gap-10">
      <label className="flex max-w-sm flex-col gap-1 text-sm">
        <span>API token</span>
        <input type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} className={adminField} />
      </label>
      <ScreenAdmin token={token} initialScreens={initialScreens} />
      <NoticeAdmin token={token} initialNotices={initialNotices} />
    </div>
  );
}
