import type { FindingOutcome, TimporaFinding } from './schema.ts';

export type OperationReport = {
  checked: number;
  violations: number;
  byViolation: Record<string, number>;
  byNationality: { nationality: string; checked: number; violations: number }[];
  byOutcome: Record<FindingOutcome, number>;
};

/** The operation report's figures: people checked, violations by type and by nationality, and what was done. */
export function operationReport(
  findings: Pick<TimporaFinding, 'nationality' | 'violation' | 'outcome'>[],
): OperationReport {
  const byViolation: Record<string, number> = {};
  const byOutcome: Record<FindingOutcome, number> = {
    no_violation: 0,
    secured: 0,
    documents_taken: 0,
    handed_to_agency: 0,
  };
  const nationalities = new Map<string, { checked: number; violations: number }>();
  for (const f of findings) {
    byOutcome[f.outcome] += 1;
    const n = nationalities.get(f.nationality) ?? { checked: 0, violations: 0 };
    n.checked += 1;
    if (f.violation) {
      byViolation[f.violation] = (byViolation[f.violation] ?? 0) + 1;
      n.violations += 1;
    }
    nationalities.set(f.nationality, n);
  }
  return {
    checked: findings.length,
    violations: findings.filter((f) => f.violation).length,
    byViolation,
    byNationality: [...nationalities.entries()]
      .map(([nationality, n]) => ({ nationality, ...n }))
      .sort((a, b) => b.checked - a.checked || a.nationality.localeCompare(b.nationality)),
    byOutcome,
  };
}
