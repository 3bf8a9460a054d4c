// Lint fixture (never built or linted by `npm run lint`): linted as if it were
// web/features/parks/components/, it imports another feature and must be refused.
import { useChain } from '../../chains/api/get-chain';

export const fixture = useChain;
