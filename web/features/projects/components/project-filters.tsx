import { useSearchParams } from 'react-router';
import {
  PROJECT_CHANNELS,
  PROJECT_STATES,
  projectChannelSchema,
  projectStateSchema,
  type ListProjectsQuery,
} from '../../../../shared/contracts/projects';
import { FilterSelect, type FilterSelectProps } from '../../../components/list-toolbar';
import { useChains } from '../../../hooks/use-chains';
import { currentYear } from '../../../lib/current-year';
import { useT } from '../../../lib/i18n';

export type ProjectFilter = Omit<ListProjectsQuery, 'page' | 'pageSize'>;

/** The years a project list is filtered by (signed in): 2023 to next year. */
export function projectYears(): number[] {
  return Array.from({ length: currentYear() + 2 - 2023 }, (_, i) => currentYear() + 1 - i);
}

/** The list filters kept in the address: stage, chain, node, channel, year (signed) and the search. */
export function useProjectFilter(): { filter: ProjectFilter; filtered: boolean } {
  const [searchParams] = useSearchParams();
  const year = Number(searchParams.get('year'));
  const filter: ProjectFilter = {
    stage: projectStateSchema.safeParse(searchParams.get('stage')).data,
    chain: searchParams.get('chain') || undefined,
    node: searchParams.get('node') || undefined,
    channel: projectChannelSchema.safeParse(searchParams.get('channel')).data,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    q: searchParams.get('q') || undefined,
  };
  return { filter, filtered: Object.values(filter).some((v) => v !== undefined) };
}

/** The filter selects of the board and the list (the board has a column per stage, so no stage filter). */
export function ProjectFilterSelects({ withStage }: { withStage: boolean }) {
  const t = useT();
  const chains = useChains(currentYear());
  const chainOptions = (chains.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }));
  const selects: FilterSelectProps[] = [
    {
      param: 'stage',
      placeholder: t('projects.stage'),
      width: 120,
      options: PROJECT_STATES.map((s) => ({ value: s, label: t(`projects.stage.${s}`) })),
    },
    { param: 'chain', placeholder: t('projects.chain'), width: 180, searchable: true, options: chainOptions },
    {
      param: 'channel',
      placeholder: t('projects.channel'),
      width: 120,
      options: PROJECT_CHANNELS.map((c) => ({ value: c, label: t(`projects.channel.${c}`) })),
    },
    {
      param: 'year',
      placeholder: t('projects.signedYear'),
      width: 110,
      options: projectYears().map((y) => ({ value: String(y), label: String(y) })),
    },
  ];
  return (
    <>
      {selects
        .filter((f) => withStage || f.param !== 'stage')
        .map((f) => (
          <FilterSelect key={f.param} {...f} testId={`projects-filter-${f.param}`} />
        ))}
    </>
  );
}
