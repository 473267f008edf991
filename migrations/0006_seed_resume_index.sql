-- `repere seed` resumes after the highest index its run already wrote; at a million cases that lookup must not scan
-- the whole timeline. Only the "created" entries of seeded cases carry these keys.
CREATE INDEX "case_timeline_seed_idx" ON "case_timeline_entries" ((details->>'seedRun'), ((details->>'seedIndex')::int))
  WHERE kind = 'created';
