// Lint fixture: linted as if it were web/features/parks/components/, it imports its own feature,
// the shared layers and the contracts, which is allowed.
import { parkDetail } from '../../../../shared/contracts/parks';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../hooks/use-me';
import { formatNumber } from '../../../lib/format';
import { usePark } from '../api/get-park';

export const fixture = [parkDetail, ErrorAlert, useMe, formatNumber, usePark];
