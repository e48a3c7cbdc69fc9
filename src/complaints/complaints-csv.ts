import type { OfficerComplaint } from './list-complaints.ts';

// Formula-looking text is prefixed so a spreadsheet does not run it.
const field = (value: string | number | null) => {
  if (value === null) return '';
  const s = typeof value === 'number' ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The export for the Ombudsman and the offices: handling and deadlines only, no reporter and no complaint text. */
export function complaintsCsv(rows: OfficerComplaint[]): string {
  const head = [
    'tracking_code',
    'received_at',
    'unit_code',
    'channel',
    'type',
    'category',
    'status',
    'verify_due_on',
    'answer_due_on',
    'first_answered_at',
    'closed_at',
    'overdue_verification',
    'overdue_answer',
    'satisfaction',
  ];
  const lines = [head.join(',')];
  for (const c of rows) {
    lines.push(
      [
        c.trackingCode,
        c.receivedAt.toISOString(),
        c.unitCode,
        c.channel,
        c.type,
        c.category,
        c.status,
        c.verifyDueOn,
        c.answerDueOn,
        c.firstAnsweredAt?.toISOString() ?? null,
        c.closedAt?.toISOString() ?? null,
        c.overdue.verification ? 1 : 0,
        c.overdue.answer ? 1 : 0,
        c.satisfaction,
      ]
        .map(field)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
