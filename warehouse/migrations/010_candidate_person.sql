-- One person seen on several sources (a Hacker News comment, a Reddit post, a GitHub
-- profile): every candidate row of that person carries the same `person_id` (the smallest
-- `candidate_id` of the group), linked only by the same e-mail, GitHub profile or handle,
-- never by name. A person seen on one source is their own group.
ALTER TABLE candidates ADD COLUMN person_id VARCHAR;
