"""Hacker News "Ask HN: Who is hiring?" comments → one `ExtractedPosting` per role.

Modules: `cues` (what a header piece is), `company`, `titles` (splitting and cleaning role
names), `header` (the header layouts), `body` (role lines, sections, roles in passing) and
`comment` (the entry point, `extract_hn`).

A comment is read in this order:

1. deleted (no text) → skip "deleted";
2. someone seeking work, or a remark about the thread → skip "not_a_job_offer";
3. the header: the first line split on `|` (or on ` - `/` — `/` • ` when the pieces look like a
   header), or "Key: value" lines (Company:/Role:/Location:), or a prose opening
   ("Acme (YC W21) is hiring ML engineers in Berlin"); each piece is classified by cheap cues
   (keywords, digits, currency signs, a small gazetteer) as company, role, location, remote,
   employment type, salary, visa or URL;
4. the roles: those of the header's role piece(s), split on commas/"and"/"&"/" / " only where
   every part names a job; when the header names none (or only "Multiple roles"), the role
   lines or bullets of the body ("- Staff ML Engineer ($200k-$250k)", "Roles: A, B and C",
   "- ML Engineer: train and ship models", "Lead Vision Engineer £90k–£110k"); plus roles
   named in passing ("We are also hiring a Backend Engineer (Go) for …");
5. each role's section: the body line (or, under a heading, the lines) about that role only.
   When roles have sections, `skills_text` holds the role's own section plus the text every
   role shares, so one role's tools are not given to the others.

What names a job is asked of `pipelines.classify.names_a_job` (one list of job words in every
supported language); what names a place, of `pipelines.location` (one gazetteer).

Accuracy comes first: a field that cannot be told is left empty rather than guessed. Titles
with a slash and no spaces ("ML/AI Engineer", "Frontend/Backend Engineer") are one title: the
slash joins alternatives of one job more often than it lists jobs.

The cues here are deliberately local and shallow: the salary/location/remote normalizers read
the texts this module hands them.
"""

from pipelines.extract.hn.comment import extract_hn, extract_hn_hiring

__all__ = ["extract_hn", "extract_hn_hiring"]
