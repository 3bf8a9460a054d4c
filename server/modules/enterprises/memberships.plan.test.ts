import { describe, expect, it } from 'vitest';
import { planMembershipAddition, planMembershipChange, planScaleYears, type StoredMembership } from './memberships.plan.js';

const row = (
  id: number,
  nodeId: number,
  isPrimary: boolean,
  validFromYear: number | null = null,
  validToYear: number | null = null,
): StoredMembership => ({
  id,
  nodeId,
  isPrimary,
  validFromYear,
  validToYear,
});

describe('planMembershipChange', () => {
  it('ends the old node the year before and starts the new one in the effective year', () => {
    expect(planMembershipChange([row(1, 10, true)], [{ nodeId: 20, isPrimary: true }], 2025)).toEqual({
      remove: [],
      end: [{ id: 1, validToYear: 2024 }],
      keep: [],
      insert: [{ nodeId: 20, isPrimary: true, validFromYear: 2025 }],
    });
  });

  it('writes nothing when the wanted set is what the firm has', () => {
    expect(planMembershipChange([row(1, 10, true), row(2, 11, false, null, 2020)], [{ nodeId: 10, isPrimary: true }], 2025)).toEqual({
      remove: [],
      end: [],
      keep: [],
      insert: [],
    });
  });

  it('deletes a row that starts in or after the effective year, and leaves ended history alone', () => {
    const stored = [row(1, 10, false, null, 2022), row(2, 20, true, 2025), row(3, 30, false, 2027)];
    expect(planMembershipChange(stored, [{ nodeId: 10, isPrimary: true }], 2025)).toEqual({
      remove: [2, 3],
      end: [],
      keep: [],
      insert: [{ nodeId: 10, isPrimary: true, validFromYear: 2025 }],
    });
  });

  it('keeps a node and only moves the primary flag', () => {
    const plan = planMembershipChange(
      [row(1, 10, true), row(2, 20, false)],
      [
        { nodeId: 10, isPrimary: false },
        { nodeId: 20, isPrimary: true },
      ],
      2025,
    );
    expect(plan).toEqual({
      remove: [],
      end: [],
      keep: [
        { id: 1, isPrimary: false, validToYear: null },
        { id: 2, isPrimary: true, validToYear: null },
      ],
      insert: [],
    });
  });
});

describe('planMembershipAddition', () => {
  it('adds a node the firm lacks as a secondary one and removes nothing', () => {
    expect(
      planMembershipAddition(
        [row(1, 10, true)],
        [
          { nodeId: 20, isPrimary: true },
          { nodeId: 10, isPrimary: false },
        ],
        2025,
      ),
    ).toEqual({
      remove: [],
      end: [],
      keep: [],
      insert: [{ nodeId: 20, isPrimary: false, validFromYear: 2025 }],
    });
  });

  it('makes the first added node primary when the firm has none that year', () => {
    expect(planMembershipAddition([row(1, 10, true, null, 2020)], [{ nodeId: 10, isPrimary: true }], 2025).insert).toEqual([
      { nodeId: 10, isPrimary: true, validFromYear: 2025 },
    ]);
  });
});

describe('planScaleYears', () => {
  it('keeps the years before the effective year and takes the given ones from it on', () => {
    expect(planScaleYears([2022, 2023, 2024, 2025], [2022, 2023, 2024, 2026], 2025)).toEqual({
      years: [2022, 2023, 2024, 2026],
      changedPast: [],
    });
  });

  it('names the earlier years the input adds or drops', () => {
    expect(planScaleYears([2023, 2024], [2022, 2024, 2025], 2025)).toEqual({ years: [2023, 2024, 2025], changedPast: [2022, 2023] });
  });
});
