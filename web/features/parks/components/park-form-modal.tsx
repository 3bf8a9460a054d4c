import { Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { PARK_LEVELS, createParkRequest, type ParkDetail } from '../../../../shared/contracts/parks';
import { TagsInput, TextField } from '../../../components/form-fields';
import { FormModal, pickFields, reloadValues, type RecordFormProps } from '../../../components/form-modal';
import { paths } from '../../../config/paths';
import { useChains } from '../../../hooks/use-chains';
import { useRegions } from '../../../hooks/use-regions';
import { currentYear } from '../../../lib/current-year';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { useCreatePark } from '../api/create-park';
import { useUpdatePark } from '../api/update-park';

type Body = z.input<typeof createParkRequest>;
/** The create body, except the area, typed in km² (stored in whole hectares), and the date as text. */
type FormValues = Omit<Body, 'areaHectares' | 'establishedOn'> & { areaKm2: number | null; establishedOn: string };

const FIELDS = ['name', 'shortName', 'level', 'regionCode', 'areaHectares', 'establishedOn', 'focus', 'focusChainCodes'] as const;
const shape = createParkRequest.shape;

/** The fields the form edits as they are stored (the area and the date are converted). */
const PLAIN_FIELDS = ['name', 'shortName', 'level', 'regionCode', 'focus', 'focusChainCodes'] as const;

function valuesOf(park: ParkDetail): Partial<FormValues> {
  return {
    ...pickFields(park, PLAIN_FIELDS),
    areaKm2: park.areaHectares === null ? null : park.areaHectares / 100,
    establishedOn: park.establishedOn ?? '',
  };
}

/** Create or edit a park (admin). The area is typed in km² and stored in whole hectares. */
export function ParkFormModal({ record: park, onReload, onClose }: RecordFormProps<ParkDetail>) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const regions = useRegions();
  const chains = useChains(currentYear());
  const create = useCreatePark();
  const update = useUpdatePark();

  const onSubmit = async (values: FormValues) => {
    const body = {
      ...pickFields(values, PLAIN_FIELDS),
      areaHectares: values.areaKm2 === null || values.areaKm2 === undefined ? null : Math.round(values.areaKm2 * 100),
      establishedOn: values.establishedOn?.trim() ? values.establishedOn.trim() : null,
    };
    if (park) {
      await update.mutateAsync({ id: park.id, body: { ...body, version: park.version } });
    } else {
      const created = await create.mutateAsync(body);
      void navigate(paths.park.getHref(created.id));
    }
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={park ? t('parks.form.editTitle', { name: park.name }) : t('parks.form.createTitle')}
      okText={t('parks.save')}
      initialValues={park ? valuesOf(park) : { focus: [], focusChainCodes: [], areaKm2: null, establishedOn: '' }}
      onSubmit={onSubmit}
      savedMessage={t('parks.saved')}
      onClose={onClose}
      serverFields={FIELDS}
      fieldAliases={{ areaHectares: 'areaKm2' }}
      onReload={reloadValues(onReload, valuesOf)}
      width={600}
      testId="park-form"
    >
      <TextField name="name" label={t('parks.name')} schema={shape.name} required={t('parks.form.nameRequired')} maxLength={100} />
      <Form.Item
        name="shortName"
        label={t('parks.shortName')}
        rules={rulesFrom(shape.shortName, { required: t('parks.form.shortNameRequired') })}
      >
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="level" label={t('parks.level')} rules={rulesFrom(shape.level, { required: t('parks.form.levelRequired') })}>
        <Select options={PARK_LEVELS.map((level) => ({ value: level, label: t(`parks.level.${level}`) }))} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('parks.region')}
        rules={rulesFrom(shape.regionCode, { required: t('parks.form.regionRequired') })}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={regions.isLoading}
          options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
        />
      </Form.Item>
      <Form.Item name="areaKm2" label={t('parks.area')} rules={[{ type: 'number', min: 0.01, message: t('parks.form.areaInvalid') }]}>
        <InputNumber min={0} max={100_000} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <TextField
        name="establishedOn"
        label={t('parks.established')}
        schema={shape.establishedOn}
        invalid={t('parks.form.dateInvalid')}
        placeholder="2012-08-19"
        maxLength={10}
        style={{ width: 200 }}
      />
      <Form.Item name="focus" label={t('parks.focus')}>
        <TagsInput placeholder={t('parks.form.focusPlaceholder')} separators={['、', ',', '，']} />
      </Form.Item>
      <Form.Item name="focusChainCodes" label={t('parks.focusChains')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          placeholder={t('parks.form.focusChainsPlaceholder')}
          loading={chains.isLoading}
          options={(chains.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
