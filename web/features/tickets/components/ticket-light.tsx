// The light tag is shared with the supervision tasks (web/components/light-tag.tsx).
export { LightTag as TicketLightTag } from '../../../components/light-tag';
