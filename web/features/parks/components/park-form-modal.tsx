import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { PARK_LEVELS, type ParkDetail, type ParkLevel } from '../../../../shared/contracts/parks';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useChains } from '../../chains/api/get-chains';
import { currentYear } from '../../chains/utils/current-year';
import { errorText, markServerErrors } from '../../chains/utils/form-errors';
import { useRegions } from '../../regions/api/get-regions';
import { useCreatePark } from '../api/create-park';
import { useUpdatePark } from '../api/update-park';

type FormValues = {
  name: string;
  shortName: string;
  level: ParkLevel;
  regionCode: string;
  areaKm2: number | null;
  establishedOn: string;
  focus: string[];
  focusChainCodes: string[];
};

const FIELDS = ['name', 'shortName', 'level', 'regionCode', 'areaHectares', 'establishedOn', 'focus', 'focusChainCodes'] as const;

/** Create or edit a park (admin). The area is typed in km² and stored in whole hectares. */
export function ParkFormModal({ park, onClose }: { park: ParkDetail | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const regions = useRegions();
  const chains = useChains(currentYear());
  const create = useCreatePark();
  const update = useUpdatePark();
  const initialValues: Partial<FormValues> = park
    ? {
        name: park.name,
        shortName: park.shortName,
        level: park.level,
        regionCode: park.regionCode,
        areaKm2: park.areaHectares === null ? null : park.areaHectares / 100,
        establishedOn: park.establishedOn ?? '',
        focus: park.focus,
        focusChainCodes: park.focusChainCodes,
      }
    : { focus: [], focusChainCodes: [], areaKm2: null, establishedOn: '' };

  const onFinish = async (values: FormValues) => {
    const body = {
      name: values.name,
      shortName: values.shortName,
      level: values.level,
      regionCode: values.regionCode,
      areaHectares: values.areaKm2 === null || values.areaKm2 === undefined ? null : Math.round(values.areaKm2 * 100),
      establishedOn: values.establishedOn?.trim() ? values.establishedOn.trim() : null,
      focus: values.focus,
      focusChainCodes: values.focusChainCodes,
    };
    try {
      if (park) {
        await update.mutateAsync({ id: park.id, body });
        message.success(t('parks.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync(body);
        message.success(t('parks.saved'));
        onClose();
        void navigate(paths.park.getHref(created.id));
      }
    } catch (err) {
      const marked = markServerErrors(form, err, FIELDS);
      if (marked.includes('areaHectares')) form.setFields([{ name: 'areaKm2', errors: [errorText(err)] }]);
      message.error(errorText(err));
    }
  };

  return (
    <Modal
      open
      title={park ? t('parks.form.editTitle', { name: park.name }) : t('parks.form.createTitle')}
      okText={t('parks.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void onFinish(values)} data-testid="park-form">
        <Form.Item name="name" label={t('parks.name')} rules={[{ required: true, whitespace: true, message: t('parks.form.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('parks.shortName')} rules={[{ required: true, whitespace: true, message: t('parks.form.shortNameRequired') }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="level" label={t('parks.level')} rules={[{ required: true, message: t('parks.form.levelRequired') }]}>
          <Select options={PARK_LEVELS.map((level) => ({ value: level, label: t(`parks.level.${level}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('parks.region')} rules={[{ required: true, message: t('parks.form.regionRequired') }]}>
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
        <Form.Item
          name="establishedOn"
          label={t('parks.established')}
          rules={[{ pattern: /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, message: t('parks.form.dateInvalid') }]}
        >
          <Input placeholder="2012-08-19" maxLength={10} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="focus" label={t('parks.focus')}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t('parks.form.focusPlaceholder')} tokenSeparators={['、', ',', '，']} />
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
      </Form>
    </Modal>
  );
}
