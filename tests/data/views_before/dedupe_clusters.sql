-- Every merge, open to inspection: one row per posting made of more than one source row, its
-- members (canonical first) with how each was matched, to whom, and how similar.
SELECT
    p.posting_id,
    p.title,
    p.company,
    p.canonical_source,
    p.source_count,
    count(*) AS members,
    count(DISTINCT ps.source) > 1 AS cross_source,
    list(DISTINCT ps.match_method ORDER BY ps.match_method) AS match_methods,
    min(ps.similarity) AS min_similarity,
    list(
        {
            'source': ps.source,
            'source_id': ps.source_id,
            'role_index': ps.role_index,
            'title': ps.title,
            'match_method': ps.match_method,
            'similarity': ps.similarity,
            'matched_to': ps.matched_to,
            'canonical': ps.is_canonical,
            'url': ps.url
        }
        ORDER BY ps.is_canonical DESC, ps.source, ps.source_id, ps.role_index
    ) AS member_records
FROM postings AS p
JOIN posting_sources AS ps USING (posting_id)
GROUP BY p.posting_id, p.title, p.company, p.canonical_source, p.source_count
HAVING count(*) > 1
ORDER BY cross_source DESC, members DESC, p.posting_id
