-- Every anomaly of data_quality over all sources: kind, count, out of how many rows.
SELECT kind, count, total FROM data_quality WHERE source = 'all' AND kind <> 'filled'
