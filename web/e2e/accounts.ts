// The accounts the browser tests sign in with, made by global-setup.ts with `chibo user add`
// (the demo's own users have random passwords). Test data only: the database is a throwaway.
export interface Account {
  username: string;
  password: string;
  displayName: string;
  role: string;
  totpSecret?: string;
}

/** Signed in once by the global setup; its session is every test's default (storageState). */
export const admin: Account = {
  username: 'e2e.admin',
  password: 'quan tri e2e mat khau dai',
  displayName: 'Quản trị Kiểm thử',
  role: 'administrator',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};

/** An administrator that signs in through the login page (its own TOTP steps). */
export const admin2: Account = {
  username: 'e2e.admin2',
  password: 'quan tri thu hai mat khau',
  displayName: 'Quản trị Thứ Hai',
  role: 'administrator',
  totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
};

/** No second factor; used for a wrong password and for signing out. */
export const office: Account = {
  username: 'e2e.office',
  password: 'van phong e2e mat khau',
  displayName: 'Cán bộ Văn phòng Kiểm thử',
  role: 'office_staff',
};

/** Signed in on two devices to see and end its own sessions; no other test uses it. */
export const traveller: Account = {
  username: 'e2e.traveller',
  password: 'phien dang nhap nhieu may',
  displayName: 'Người Dùng Nhiều Máy',
  role: 'leader',
};

/** A cell secretary granted one committee's subtree (CHIBO_E2E_SCOPE_ORG). */
export const scoped: Account = {
  username: 'e2e.scoped',
  password: 'bi thu chi bo mat khau',
  displayName: 'Bí thư Kiểm thử',
  role: 'cell_secretary',
};
