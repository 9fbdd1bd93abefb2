import { describe, expect, it } from 'vitest';
import type { DocumentCatalog, PartyDocument, Permission } from '@/types';
import {
  attachmentType,
  documentActions,
  documentWrite,
  formatBytes,
  hasRecipients,
  incomingInput,
  linesOf,
  nextNumberRequest,
  outgoingInput,
  outgoingTypes,
  outgoingValuesOf,
  recipientInputs,
  updateInput,
} from './documents';

const catalog = {
  types: [
    { code: 'dieu_le', numbered: false, congress: true },
    { code: 'nghi_quyet', numbered: true, congress: true },
    { code: 'ke_hoach', numbered: true, congress: false },
  ],
} as unknown as DocumentCatalog;

const outgoing: PartyDocument = {
  id: 5,
  direction: 'outgoing',
  status: 'active',
  org_id: 12,
  org_name: 'Đảng ủy Bộ',
  issuing_body: 'committee',
  type: 'ke_hoach',
  type_name: 'Kế hoạch',
  number: 9,
  symbol: '09-KH/ĐU',
  term_id: 3,
  term_name: '2025–2030',
  issued_on: '2026-03-02',
  received_on: null,
  from_issuer: null,
  summary: 'về phát triển đảng viên',
  secrecy: null,
  urgency: 'khan',
  attachment_count: 0,
  issuer_name: null,
  superior_issuer: null,
  place: 'Hà Nội',
  body: ['Đoạn một.', 'Đoạn hai.'],
  signer_member_id: null,
  signer_name: 'Nguyễn Văn An',
  signer_position: 'Bí thư',
  authority: 'tm',
  signing_for: 'Ban Thường vụ',
  recipients: [
    { org_id: 40, org_name: 'Chi bộ 1', text: null, line: 'Chi bộ 1' },
    { org_id: null, org_name: null, text: 'Lưu Văn phòng', line: 'Lưu Văn phòng' },
  ],
  circulation: null,
  forwards: [],
  attachments: [],
  withdrawn_on: null,
  withdrawn_reason: null,
  version: 4,
  created_at: '2026-03-02T01:00:00Z',
  updated_at: '2026-03-02T01:00:00Z',
};

describe('document form values', () => {
  it('take one line per paragraph and recipient, blank lines dropped', () => {
    expect(linesOf(' a \r\n\n b\n  ')).toEqual(['a', 'b']);
    expect(linesOf(undefined)).toEqual([]);
    expect(recipientInputs([40, 41, 40], 'Lưu VP\n\n Ban Tổ chức ')).toEqual([
      { org_id: 40 },
      { org_id: 41 },
      { text: 'Lưu VP' },
      { text: 'Ban Tổ chức' },
    ]);
  });

  it('leave empty optional fields out of a new outgoing document, never the required ones', () => {
    expect(
      outgoingInput({
        org_id: 12,
        issuing_body: 'committee',
        type: 'ke_hoach',
        issued_on: '2026-03-02',
        place: ' Hà Nội ',
        summary: ' về X ',
        body: '',
        signer_name: '  ',
        authority: null,
        secrecy: 'mat',
        recipient_orgs: [],
        recipient_texts: 'Lưu VP',
      }),
    ).toEqual({
      org_id: 12,
      issuing_body: 'committee',
      type: 'ke_hoach',
      issued_on: '2026-03-02',
      place: 'Hà Nội',
      summary: 'về X',
      body: [],
      signer_position: '',
      secrecy: 'mat',
      recipients: [{ text: 'Lưu VP' }],
    });
    expect(hasRecipients({ recipient_orgs: [], recipient_texts: ' \n ' })).toBe(false);
    expect(hasRecipients({ recipient_orgs: [3] })).toBe(true);
  });

  it('send the organizations an incoming document is passed down to once each', () => {
    expect(
      incomingInput({
        org_id: 12,
        from_issuer: 'Tỉnh ủy',
        symbol: ' 17-KH/TU ',
        type: 'ke_hoach',
        issued_on: '2026-03-01',
        received_on: '2026-03-03',
        summary: 'về Y',
        forward_to: [40, 40, 41],
      }),
    ).toEqual({
      org_id: 12,
      from_issuer: 'Tỉnh ủy',
      symbol: '17-KH/TU',
      type: 'ke_hoach',
      issued_on: '2026-03-01',
      received_on: '2026-03-03',
      summary: 'về Y',
      forward_to: [40, 41],
    });
  });

  it('send only what an edit changed, with the version, a cleared mark as null', () => {
    const values = outgoingValuesOf(outgoing);
    expect(updateInput(outgoing, values)).toEqual({ version: 4 });
    expect(
      updateInput(outgoing, {
        ...values,
        summary: 'về phát triển đảng viên năm 2026',
        urgency: null,
        signing_for: '',
        recipient_texts: 'Lưu Văn phòng\nBan Tổ chức',
      }),
    ).toEqual({
      version: 4,
      summary: 'về phát triển đảng viên năm 2026',
      urgency: null,
      signing_for: '',
      recipients: [{ org_id: 40 }, { text: 'Lưu Văn phòng' }, { text: 'Ban Tổ chức' }],
    });
  });
});

describe('number preview', () => {
  it('waits for the organization, a numbered type and a whole date', () => {
    const values = { org_id: 12, issuing_body: 'committee' as const, type: 'ke_hoach' };
    expect(nextNumberRequest({ ...values, issued_on: '2026-03-02' }, catalog)).toEqual({
      org: 12,
      issuing_body: 'committee',
      type: 'ke_hoach',
      issued_on: '2026-03-02',
    });
    expect(nextNumberRequest({ ...values, issued_on: null }, catalog)).toBeUndefined();
    expect(
      nextNumberRequest({ ...values, org_id: undefined, issued_on: '2026-03-02' }, catalog),
    ).toBeUndefined();
    expect(
      nextNumberRequest({ ...values, type: 'dieu_le', issued_on: '2026-03-02' }, catalog),
    ).toBeUndefined();
  });

  it('offers a congress only its own numbered types', () => {
    expect(outgoingTypes(catalog, 'committee').map((type) => type.code)).toEqual([
      'nghi_quyet',
      'ke_hoach',
    ]);
    expect(outgoingTypes(catalog, 'congress').map((type) => type.code)).toEqual(['nghi_quyet']);
  });
});

describe('document actions', () => {
  const write: Permission[] = [documentWrite];
  it('offer changes only on an active document, to a writer', () => {
    expect(documentActions(outgoing, write)).toEqual([
      'docx',
      'print',
      'edit',
      'attach',
      'withdraw',
    ]);
    expect(documentActions({ ...outgoing, status: 'withdrawn' }, write)).toEqual(['docx', 'print']);
    expect(documentActions({ direction: 'incoming', status: 'active' }, [])).toEqual([]);
    expect(documentActions({ direction: 'incoming', status: 'active' }, write)).toEqual([
      'edit',
      'attach',
      'forward',
      'withdraw',
    ]);
  });
});

describe('attachments', () => {
  it('write sizes in binary units, in the UI language', () => {
    expect(formatBytes(20 * 1024 * 1024, 'vi')).toBe('20 MiB');
    expect(formatBytes(1.5 * 1024 * 1024, 'vi')).toBe('1,5 MiB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MiB');
    expect(formatBytes(12, 'en')).toBe('12 B');
  });

  it('are sent with the type their name suggests', () => {
    expect(attachmentType('Ke hoach.PDF')).toBe('application/pdf');
    expect(attachmentType('scan.jpeg')).toBe('image/jpeg');
    expect(attachmentType('notes.txt')).toBe('application/octet-stream');
  });
});
