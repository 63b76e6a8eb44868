/** Places the license compatibility issues of core/licenses on the YAML nodes they concern. */
import { Path, rangeOfPath, valueAt } from '../cardDocument';
import { Finding } from '../finding';
import { checkCompatibility, LicenseIssue, UpstreamLicense } from '../licenses';
import { asList, isRecord, RuleContext } from './rule';

export function licenseCompatibility({ card, value }: RuleContext): Finding[] {
  const upstream = isRecord(value.upstream) ? value.upstream : {};
  const entries = (list: unknown): UpstreamLicense[] =>
    asList(list).map((entry) =>
      isRecord(entry)
        ? { id: str(entry.id), license: str(entry.license), licenseName: str(entry.license_name) }
        : {},
    );
  const issues = checkCompatibility({
    license: str(value.license),
    licenseName: str(value.license_name),
    modelName: str(value.model_name) ?? str(valueAt(value, ['model-index', 0, 'name'])),
    baseModels: entries(upstream.base_models),
    datasets: entries(upstream.datasets),
  });
  return issues.map((issue) => ({
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...(issue.subject.kind === 'license' && value.license === undefined ? rangeOfPath(card, ['upstream'], 'key') : rangeOfPath(card, pathOf(issue, value))),
    data: { ...(issue.data ?? {}), subject: issue.subject },
    source: issue.source,
  }));
}

function pathOf(issue: LicenseIssue, value: Record<string, unknown>): Path {
  const { kind, index } = issue.subject;
  if (kind === 'license' || index === undefined) return ['license'];
  const list = kind === 'base_model' ? 'base_models' : 'datasets';
  const entry = valueAt(value, ['upstream', list, index]);
  return isRecord(entry) && entry.license !== undefined ? ['upstream', list, index, 'license'] : ['upstream', list, index];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
