// A village batch (集中报送批次) and its 报送清单, as the server answers them (src/domain/contract/agents.ts).
export { batchCaseSchema, batchSchema, batchSummarySchema, type Batch, type BatchCase, type BatchSummary } from '@domain/contract/agents';
