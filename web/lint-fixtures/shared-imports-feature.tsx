// Lint fixture: linted as if it were web/lib/, it imports a feature and must be refused.
import { useChain } from '../features/chains/api/get-chain';

export const fixture = useChain;
